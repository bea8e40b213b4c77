package nslab.cli;

import nslab.command.LastWords;
import sun.misc.Signal;

/**
 * How the nslab process ends: with the status its command returned, or 128 + the signal's
 * number on SIGINT/SIGTERM outside an apply (which catches them itself and undoes), at once. It
 * halts on a signal rather than exits: nslab has no shutdown hooks of its own (what it says when a
 * signal ends it is {@link LastWords}), and a hook a lab script added (one that never ends) must
 * not keep a signal from ending it, nor the process from ending for more than a moment.
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

    /**
     * Ends with {@code status} as the JVM ends normally, so that what it deletes on exit goes (the
     * native library JLine unpacks into the temporary folder); a shutdown hook that a lab script
     * added and that does not end within two seconds is cut short by a halt.
     */
    static void end(int status) {
        System.out.flush();
        System.err.flush();
        Thread cut = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                // halting anyway
            }
            Runtime.getRuntime().halt(status);
        }, "nslab-end");
        cut.setDaemon(true);
        cut.start();
        System.exit(status);
    }

    static void halt(int status) {
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}
