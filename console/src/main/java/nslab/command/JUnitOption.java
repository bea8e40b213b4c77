package nslab.command;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import nslab.report.ApplyRun;
import nslab.report.CheckRun;
import nslab.report.JUnitReport;

/**
 * {@code --junit FILE}, as a verb takes it ({@code @Mixin}): the expectations written to FILE as
 * a JUnit report ({@link JUnitReport}). A FILE whose folder is missing is refused before anything
 * is done (exit 2); the report replaces FILE whole once the verb has its result.
 */
public final class JUnitOption {
    @Option(names = "--junit", paramLabel = "FILE", description = "write the expectations to FILE as a JUnit XML report, for CI")
    Path file;

    /** Refuses a FILE that cannot be written, before the verb changes anything. */
    public void check(String verb) {
        if (file == null) return;
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir) || Files.isDirectory(file)) {
            throw new Precondition.BadArgument("nslab " + verb + ": cannot write the JUnit report to " + file
                    + (Files.isDirectory(file) ? ": it is a folder" : ": no folder " + dir));
        }
    }

    public void write(CheckRun run) {
        write(() -> JUnitReport.write(file, run));
    }

    public void write(ApplyRun run) {
        write(() -> JUnitReport.write(file, run));
    }

    private interface Writing {
        void run() throws IOException;
    }

    private void write(Writing writing) {
        if (file == null) return;
        try {
            writing.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JUnit report to " + file + ": " + e.getMessage(), e);
        }
    }
}
