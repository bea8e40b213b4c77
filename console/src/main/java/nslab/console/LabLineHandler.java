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
 * in the order they were typed. Every typed entry is answered: what it added, what it waits for,
 * why it was refused, or that the lab has it already. Entries can be taken back ({@link #undo})
 * and replaced ({@link #replace}); in live mode the kernel follows.
 */
final class LabLineHandler {
    /** {@code ran} of an apply the kernel refused. */
    private static final int REFUSED = -1;

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
        Optional<LabLoader.Chunk> same = typed(chunk) && startsWithLabWord(chunk) ? session.acceptedSame(chunk.text()) : Optional.empty();
        if (same.isPresent()) {
            // before compiling: typed twice, a route or an address would clash with itself
            out.println(where(chunk) + " adds nothing new: already in the lab, " + where(same.get()));
            out.flush();
            return true;
        }
        List<Waiting> waiting = session.waiting();
        if (!waiting.isEmpty()) {
            List<LabLoader.Chunk> all = new ArrayList<>();
            waiting.forEach(w -> all.add(w.chunk()));
            all.add(chunk);
            LabCompiler.Compiled together = session.tryWith(all);
            if (together.ok()) {
                if (!keep(all, together, chunk, out)) return false;
                sayJoined(waiting, out);
                return true;
            }
        }
        LabCompiler.Compiled compiled = session.tryWith(chunk);
        if (compiled.ok()) {
            if (!keep(List.of(chunk), compiled, chunk, out)) return false;
            joinWaiting(out);
            return true;
        }
        Optional<List<String>> missing = typed(chunk) ? Waiting.of(compiled.errors()) : Optional.empty();
        if (missing.isPresent()) {
            Optional<Waiting> waitingSame = session.waitingSame(chunk.text());
            if (waitingSame.isPresent()) {
                out.println(where(chunk) + " adds nothing new: already typed, and " + waitingSame.get().describe());
                out.flush();
                return true;
            }
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

    /** Takes an entry back: the lab without it (applied in live mode). False, with the reason, when it cannot be. */
    boolean undo(LabLoader.Chunk entry, PrintWriter out) {
        if (session.isWaiting(entry)) {
            session.dropWaiting(entry);
            out.println(where(entry) + " taken back (it was waiting: nothing of it was in the lab)");
            out.flush();
            return true;
        }
        LabCompiler.Compiled without = session.tryWithout(entry);
        if (!without.ok()) {
            out.println(where(entry) + " cannot be taken back alone: the lab without it would have "
                    + (without.errors().size() == 1 ? "this problem" : "these problems") + " (take back or edit those entries first)");
            problems.print(out, without.errors(), null);
            out.println(where(entry) + " stays in the lab");
            out.flush();
            return false;
        }
        LabDelta delta = LabDelta.between(session.compiled(), without);
        if (session.isLive() && applied(without, entry, "it stays in the lab", out) == REFUSED) return false;
        session.remove(entry, without);
        out.println(where(entry) + " taken back" + (delta.none() ? " (the plan is as it was)"
                : ": " + delta.describe(true) + " fewer" + (delta.commandsAdded() > 0 ? ", " + delta.describe(false) + " more" : "")));
        out.flush();
        return true;
    }

    /** Replaces an entry with new text, in its place. False, with the reason, when the lab refuses the new text. */
    boolean replace(LabLoader.Chunk entry, String text, PrintWriter out) {
        if (session.isWaiting(entry)) {
            Waiting old = session.waiting().stream().filter(w -> w.chunk().equals(entry)).findFirst().orElseThrow();
            session.dropWaiting(entry);
            LabLoader.Chunk replacement = session.typed(text);
            if (add(replacement, out)) {
                out.println("(" + where(replacement) + " replaces " + where(entry) + ")");
                out.flush();
                return true;
            }
            session.keepWaiting(old);
            out.println(where(entry) + " is as it was: " + old.describe());
            out.flush();
            return false;
        }
        LabLoader.Chunk replacement = session.typed(text);
        LabCompiler.Compiled compiled = session.tryReplacing(entry, replacement);
        if (!compiled.ok()) {
            problems.print(out, compiled.errors(), replacement);
            out.println(where(entry) + " is as it was");
            out.flush();
            return false;
        }
        problems.print(out, ProblemPrinter.warningsIn(compiled.problems(), replacement), replacement);
        LabDelta delta = LabDelta.between(session.compiled(), compiled);
        int ran = session.isLive() ? applied(compiled, replacement, "the entry is as it was", out) : 0;
        if (ran == REFUSED) return false;
        session.replace(entry, replacement, compiled);
        out.println(where(replacement) + " replaces " + where(entry) + (delta.none() ? " (the plan is as it was)"
                : ": " + delta.describe(false) + " more, " + delta.describe(true) + " fewer"));
        out.flush();
        joinWaiting(out);
        return true;
    }

    /** After an entry was accepted, the waiting ones join if the lab is now complete with them. */
    private void joinWaiting(PrintWriter out) {
        List<Waiting> waiting = session.waiting();
        if (waiting.isEmpty()) return;
        List<LabLoader.Chunk> all = waiting.stream().map(Waiting::chunk).toList();
        LabCompiler.Compiled together = session.tryWith(all);
        if (together.ok() && keep(all, together, null, out)) sayJoined(waiting, out);
    }

    private static void sayJoined(List<Waiting> joined, PrintWriter out) {
        for (Waiting w : joined) out.println(where(w.chunk()) + " joined the lab");
        out.flush();
    }

    /** Applies (in live mode) and keeps the chunks; false after saying why the kernel refused. */
    private boolean keep(List<LabLoader.Chunk> added, LabCompiler.Compiled compiled, LabLoader.Chunk typed, PrintWriter out) {
        LabDelta delta = LabDelta.between(session.compiled(), compiled);
        for (LabLoader.Chunk c : added) problems.print(out, ProblemPrinter.warningsIn(compiled.problems(), c), c);
        LabLoader.Chunk at = typed != null ? typed : added.get(added.size() - 1);
        int ran = session.isLive() ? applied(compiled, at, typed != null ? "the line was not added" : "it keeps waiting", out) : 0;
        if (ran == REFUSED) return false;
        session.accept(added, compiled);
        if (typed != null && typed(typed) && ran == 0) answer(typed, delta, out);
        return true;
    }

    /** What an accepted typed entry added, when no command shown as it ran has said so. */
    private void answer(LabLoader.Chunk typed, LabDelta delta, PrintWriter out) {
        String said;
        if (delta.none()) {
            said = " kept: it adds no command and no expectation (a name or value for later lines, or what the lab has already)";
        } else if (delta.commandsRemoved() > 0 || delta.expectationsRemoved() > 0) {
            said = " changes the lab: " + delta.describe(false) + " more, " + delta.describe(true) + " fewer";
        } else {
            said = " added: " + delta.describe(false);
        }
        if (!session.isLive() && delta.commandsAdded() > 0) said += delta.commandsAdded() == 1 ? " (plan shows it, apply runs it)" : " (plan shows them, apply runs them)";
        else if (delta.expectationsAdded() > 0) said += delta.expectationsAdded() == 1 ? " (check runs it)" : " (check runs them)";
        out.println(where(typed) + said);
        out.flush();
    }

    /** Applies the lab on the kernel: the commands run, or REFUSED after saying why (the kernel is as it was). */
    private int applied(LabCompiler.Compiled compiled, LabLoader.Chunk at, String outcome, PrintWriter out) {
        ApplyResult r;
        try {
            r = engine.apply(compiled.plan());
        } finally {
            kernel.changed(); // namespaces may have come or gone: completion must ask again
        }
        if (r.ok()) return r.ran().size() + r.undone().size();
        Source failedAt = r.failure() == null ? null : r.failure().source();
        Source where = failedAt != null && failedAt.line() > 0 ? failedAt : new Source(at.file(), at.firstLine());
        problems.print(out, where, "error: " + Reports.refusal(r), outcome, at);
        return REFUSED;
    }

    /** Lab language proper, not Groovy: a line that prints must print when typed again. */
    private static boolean startsWithLabWord(LabLoader.Chunk chunk) {
        return nslab.lang.Words.find(LineDispatcher.firstWord(chunk.text())).isPresent();
    }

    private static boolean typed(LabLoader.Chunk chunk) {
        return ConsoleSession.CONSOLE_FILE.equals(chunk.file());
    }

    /** {@code <console>:3}. */
    static String where(LabLoader.Chunk chunk) {
        return chunk.file() + ":" + chunk.firstLine();
    }
}
