package nslab.console;

import java.io.PrintWriter;
import nslab.LabCompiler;
import nslab.command.Reports;
import nslab.engine.ApplyResult;
import nslab.engine.Engine;
import nslab.lang.LabLoader;
import nslab.model.Source;

/**
 * Takes a piece of lab language (a typed line or block, or a loaded file): compiles the session's
 * lab with it, and keeps it only if the whole lab is still valid. In live mode it also applies the
 * steps the piece adds (the engine shows each command as it runs); if one fails, those steps are
 * undone and the piece is dropped, so the lab is never half-applied.
 */
final class LabLineHandler {
    private final ConsoleSession session;
    private final Engine engine;
    private final KernelView kernel;
    private final ProblemPrinter problems;

    LabLineHandler(ConsoleSession session, Engine engine, KernelView kernel) {
        this.session = session;
        this.engine = engine;
        this.kernel = kernel;
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
            ApplyResult r;
            try {
                r = engine.apply(compiled.plan());
            } finally {
                kernel.changed(); // namespaces may have come or gone: completion must ask again
            }
            if (!r.ok()) {
                Source failedAt = r.failure() == null ? null : r.failure().source();
                Source where = failedAt != null && failedAt.line() > 0 ? failedAt : new Source(chunk.file(), chunk.firstLine());
                problems.print(out, where, "error: " + Reports.refusal(r), "the line was not added", chunk);
                return false;
            }
        }
        session.accept(chunk, compiled);
        return true;
    }
}
