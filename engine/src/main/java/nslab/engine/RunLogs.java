package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The output files of a lab's {@code run} commands, {@code LAB.ID.log} beside the journal: named
 * by the journal entry whose intent is written before the file is made, so that whatever stops an
 * apply, the entry names the file, and no other lab's log is ever taken for it.
 */
final class RunLogs {
    private RunLogs() {}

    static Path of(Path runDir, String lab, int id) {
        return runDir.resolve(Journal.safe(lab) + "." + id + ".log");
    }

    /** Deletes the logs of those {@code entries} that are run commands. */
    static void delete(Path runDir, Journal journal, List<Journal.Entry> entries) {
        for (Journal.Entry e : entries) {
            if (!e.step.background()) continue;
            try {
                Files.deleteIfExists(of(runDir, journal.lab(), e.id));
            } catch (IOException ex) {
                // nothing to clean
            }
        }
    }
}
