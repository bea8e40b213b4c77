package nslab.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>A typed entry that only lacks a namespace or interface declared later waits (see
 * {@link Waiting}); each accepted entry is a chance for the waiting ones to join, all together and
 * in the order they were typed.
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

    /** True when the chunk was accepted (and, in live mode, applied) or, typed, waits for a later entry. */
    boolean add(LabLoader.Chunk chunk, PrintWriter out) {
        List<Waiting> waiting = session.waiting();
        if (!waiting.isEmpty()) {
            List<LabLoader.Chunk> all = new ArrayList<>();
            waiting.forEach(w -> all.add(w.chunk()));
            all.add(chunk);
            LabCompiler.Compiled together = session.tryWith(all);
            if (together.ok()) {
                if (!keep(all, together, chunk, out)) return false;
                for (Waiting w : waiting) out.println(w.chunk().file() + ":" + w.chunk().firstLine() + " joined the lab");
                out.flush();
                return true;
            }
        }
        LabCompiler.Compiled compiled = session.tryWith(chunk);
        if (compiled.ok()) {
            if (!keep(List.of(chunk), compiled, chunk, out)) return false;
            joinWaiting(out);
            return true;
        }
        Optional<List<String>> missing = ConsoleSession.CONSOLE_FILE.equals(chunk.file()) ? Waiting.of(compiled.errors()) : Optional.empty();
        if (missing.isPresent()) {
            Waiting entry = new Waiting(chunk, missing.get());
            session.keepWaiting(entry);
            out.println(entry.describe() + " (kept: it joins the lab" + (session.isLive() ? ", and is applied," : "")
                    + " once that is typed)");
            out.flush();
            return true;
        }
        problems.print(out, compiled.errors(), chunk);
        return false;
    }

    /** After an entry was accepted, the waiting ones join if the lab is now complete with them. */
    private void joinWaiting(PrintWriter out) {
        List<Waiting> waiting = session.waiting();
        if (waiting.isEmpty()) return;
        List<LabLoader.Chunk> all = waiting.stream().map(Waiting::chunk).toList();
        LabCompiler.Compiled together = session.tryWith(all);
        if (together.ok() && keep(all, together, null, out)) {
            for (Waiting w : waiting) out.println(w.chunk().file() + ":" + w.chunk().firstLine() + " joined the lab");
            out.flush();
        }
    }

    /** Applies (in live mode) and keeps the chunks; false after saying why the kernel refused. */
    private boolean keep(List<LabLoader.Chunk> added, LabCompiler.Compiled compiled, LabLoader.Chunk typed, PrintWriter out) {
        for (LabLoader.Chunk c : added) problems.print(out, ProblemPrinter.warningsIn(compiled.problems(), c), c);
        if (session.isLive()) {
            ApplyResult r;
            try {
                r = engine.apply(compiled.plan());
            } finally {
                kernel.changed(); // namespaces may have come or gone: completion must ask again
            }
            if (!r.ok()) {
                LabLoader.Chunk at = typed != null ? typed : added.get(added.size() - 1);
                Source failedAt = r.failure() == null ? null : r.failure().source();
                Source where = failedAt != null && failedAt.line() > 0 ? failedAt : new Source(at.file(), at.firstLine());
                problems.print(out, where, "error: " + Reports.refusal(r), typed != null ? "the line was not added" : "it keeps waiting", at);
                return false;
            }
        }
        session.accept(added, compiled);
        return true;
    }
}
