package nslab.lang;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import nslab.check.Problem;
import nslab.model.Source;

/**
 * Keeps a lab script from making nslab lie or hang, whatever its code does. The script runs on a
 * thread of its own with standard input closed (an empty stream), while the caller waits: past
 * the time limit the thread is interrupted (the script's loops check for that, see
 * {@link ScriptLimits}); if it goes on (a loop that catches the interruption, a long computation
 * such as {@code 3G.pow(300000000)} that never checks) it is stopped; if even that does not end
 * it, the caller reports it and goes on without it, and the command line ends the process.
 * A script that ends the program ({@code System.exit}) while it is evaluated is reported as an
 * error, and the process exits 1, not with the status the script chose.
 */
final class ScriptGuard {
    /** How long an interrupted, then a stopped, script is given to end. */
    static final Duration GRACE = Duration.ofSeconds(1);

    /** Where the script being evaluated is, for the shutdown hook; null while none is. */
    private static final AtomicReference<Running> RUNNING = new AtomicReference<>();
    private static volatile boolean hooked;

    private record Running(Thread thread, ScriptLines.Chunk chunk) {}

    private ScriptGuard() {}

    /**
     * Runs {@code evaluation} (which must itself stop at the time limit's interrupt) on a thread of
     * its own, and returns its problems, or the problem of a script that would not stop.
     */
    @SuppressWarnings("removal") // Thread.stop: the one way to end a computation that never checks for interrupts
    static List<Problem> evaluate(ScriptLines.Chunk where, Duration limit, Callable<List<Problem>> evaluation) {
        hook();
        AtomicReference<List<Problem>> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(evaluation.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "nslab-script");
        thread.setDaemon(true); // one that would not stop never keeps the process alive
        InputStream stdin = System.in;
        System.setIn(InputStream.nullInputStream());
        RUNNING.set(new Running(thread, where));
        try {
            thread.start();
            if (!ended(thread, limit.plus(GRACE))) {
                thread.interrupt();
                if (!ended(thread, GRACE)) {
                    Source at = lineOf(thread, where);
                    try {
                        thread.stop();
                    } catch (UnsupportedOperationException e) {
                        // a Java without Thread.stop: the thread is left to the end of the process
                    }
                    ended(thread, GRACE);
                    return List.of(Problem.error(at, "the script did not finish within " + ScriptLimits.describe(limit)
                            + " and did not stop when asked (a loop that catches its interruption, or a computation that"
                            + " never ends); it was stopped here", ScriptLimits.TIMEOUT_VARIABLE
                            + " or --script-timeout change the limit"));
                }
            }
            if (failure.get() != null) return List.of(Problem.error(ScriptLines.at(where, 0), "the script failed: "
                    + failure.get(), null));
            return result.get() == null ? List.of() : result.get();
        } finally {
            RUNNING.set(null);
            System.setIn(stdin);
        }
    }

    private static boolean ended(Thread thread, Duration wait) {
        try {
            thread.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !thread.isAlive();
        }
        return !thread.isAlive();
    }

    /** The script line the thread is on now. */
    private static Source lineOf(Thread thread, ScriptLines.Chunk where) {
        for (StackTraceElement e : thread.getStackTrace()) {
            if (e.getClassName().startsWith(ScriptLines.CLASS_PREFIX) && e.getLineNumber() > 0) {
                return ScriptLines.at(where, e.getLineNumber());
            }
        }
        return ScriptLines.at(where, 0);
    }

    /**
     * The process is ending while a script is evaluated: the script called System.exit (or
     * Runtime.exit), or a signal came. Its exit status would say nothing true, and shutdown hooks
     * the script added could keep it from ending: the reason is printed, and the process halts
     * with status 1 (the lab script is wrong) at once.
     */
    private static synchronized void hook() {
        if (hooked) return;
        hooked = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Running r = RUNNING.get();
            if (r == null) return;
            PrintStream err = System.err;
            err.println(Problem.error(lineOf(r.thread(), r.chunk()), "the program was told to end (System.exit in the"
                    + " script, or a signal) while nslab was evaluating the script; nothing was planned or applied",
                    "a lab script describes a lab; remove the call that ends the program").format());
            err.flush();
            System.out.flush();
            Runtime.getRuntime().halt(1);
        }, "nslab-script-guard"));
    }
}
