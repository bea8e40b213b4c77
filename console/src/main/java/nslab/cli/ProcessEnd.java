package nslab.cli;

import nslab.command.LastWords;
import sun.misc.Signal;

/**
 * How the nslab process ends: with the status its command returned, or 128 + the signal's
 * number on SIGINT/SIGTERM outside an apply (which catches them itself and undoes), at once. It
 * halts rather than exits: nslab has no shutdown hooks of its own (what it says when a signal ends
 * it is {@link LastWords}), and a hook a lab script added (one that never ends) must not keep the
 * process from ending, nor a signal from ending it.
 */
final class ProcessEnd {
    private ProcessEnd() {}

    static void onSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), s -> {
                    String words = LastWords.now();
                    if (words != null) System.err.println(words);
                    halt(128 + s.getNumber());
                });
            } catch (IllegalArgumentException e) {
                // ignored by whoever started us (a background job): nothing to catch
            }
        }
    }

    static void halt(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
