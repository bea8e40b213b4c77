package nslab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Removes a lab using its journal only — never the script, which may have been edited, moved or
 * deleted since. It stops the processes living in the lab's namespaces, deletes the namespaces
 * (with everything in them), and undoes the lab's root-namespace steps in reverse: its iptables
 * rules one by one, its sysctls back to the values they had, its routes, addresses and
 * interfaces. Things that are already gone are no reason to stop.
 */
public final class Destroyer {
    private final Executor exec;
    private final Path runDir;
    private final Consumer<String> verbose;

    public Destroyer(Executor exec, Path runDir, Consumer<String> verbose) {
        this.exec = exec;
        this.runDir = runDir;
        this.verbose = verbose;
    }

    public DestroyResult destroy(String lab) {
        Journal journal = Journal.open(runDir, lab);
        if (!journal.exists()) return new DestroyResult(false, List.of(), List.of(), List.of());
        List<String> namespaces = journal.namespaces();
        List<String> undone = new Applier(exec, runDir, verbose).undo(journal, journal.live());
        Set<String> still = new HashSet<>(new LiveState(exec).namespaces());
        List<String> left = new ArrayList<>();
        for (String ns : namespaces) if (still.contains(ns)) left.add("namespace " + ns);
        if (left.isEmpty()) {
            journal.delete();
            deleteLogs(lab);
        }
        return new DestroyResult(true, undone, namespaces, left);
    }

    /** The output files of the lab's run commands. */
    private void deleteLogs(String lab) {
        String prefix = Journal.safe(lab) + ".";
        try (var files = java.nio.file.Files.list(runDir)) {
            files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".log"))
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // nothing to clean
        }
    }
}
