package nslab.engine;

import java.util.HashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT and SIGTERM while an apply runs: instead of the JVM exiting with a half-built lab, the
 * signal is noted, the apply stops at its next wave, undoes what it did, and reports; the command
 * then exits 128 + the signal's number (130, 143). Outside an apply the JVM's handling is back.
 */
final class Interruption implements AutoCloseable {
    private volatile Signal caught;
    private final Map<Signal, SignalHandler> previous = new HashMap<>();

    static Interruption watch() {
        Interruption i = new Interruption();
        for (String name : new String[] {"INT", "TERM"}) {
            Signal s = new Signal(name);
            try {
                i.previous.put(s, Signal.handle(s, sig -> i.caught = sig));
            } catch (IllegalArgumentException e) {
                // ignored by whoever started us (a background job): nothing to catch
            }
        }
        return i;
    }

    boolean happened() {
        return caught != null;
    }

    /** The signal's number (0: none). */
    int number() {
        return caught == null ? 0 : caught.getNumber();
    }

    String name() {
        return caught == null ? "" : "SIG" + caught.getName();
    }

    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
