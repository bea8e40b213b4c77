package nslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import nslab.LabCompiler;
import nslab.check.Problem;

/** Reads, validates and plans the lab file a command was given, printing its problems. */
final class LabArgument {
    private LabArgument() {}

    /** The compiled lab, or null after printing why not (then the command exits 1). */
    static LabCompiler.Compiled compile(Path file, PrintWriter err) {
        if (!Files.exists(file)) {
            err.println(file + ": no such lab file");
            return null;
        }
        LabCompiler.Compiled compiled;
        try {
            compiled = new LabCompiler().compile(file);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return null;
        }
        for (Problem p : compiled.problems()) err.println(p.format());
        err.flush();
        return compiled.ok() ? compiled : null;
    }
}
