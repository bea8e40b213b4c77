package nslab.console;

import java.io.PrintWriter;
import nslab.LabCompiler;
import nslab.lang.LabLoader;

/**
 * Takes a piece of lab language (a typed line or block, or a loaded file): compiles the session's
 * lab with it, and keeps it only if the whole lab is still valid. In live mode it also applies the
 * steps the piece adds, printing each command; if one fails, those steps are undone and the piece
 * is dropped, so the lab is never half-applied.
 */
final class LabLineHandler {
    private final ConsoleSession session;
    private final LabRuntime runtime;
    private final ProblemPrinter problems;

    LabLineHandler(ConsoleSession session, LabRuntime runtime) {
        this.session = session;
        this.runtime = runtime;
        this.problems = new ProblemPrinter(session);
    }

    /** A line or block typed at the prompt. */
    boolean typed(String text, PrintWriter out) {
        return add(session.typed(text), out);
    }

    /** True when the chunk was accepted (and, in live mode, applied). */
    boolean add(LabLoader.Chunk chunk, PrintWriter out) {
        LabCompiler.Compiled compiled = session.tryWith(chunk);
        if (!compiled.ok()) {
            problems.print(out, compiled.errors(), chunk);
            return false;
        }
        problems.print(out, ProblemPrinter.warningsIn(compiled.problems(), chunk), chunk);
        if (session.isLive()) {
            try {
                runtime.apply(compiled.plan(), out);
            } catch (LabRuntime.Failure f) {
                nslab.model.Source where = f.source() != null ? f.source()
                        : new nslab.model.Source(chunk.file(), chunk.firstLine());
                problems.print(out, where, "error: " + f.getMessage(), "the line was not added", chunk);
                return false;
            }
        }
        session.accept(chunk, compiled);
        return true;
    }
}
