package nslab.engine;

/** With NSLAB_TIMING set, says on stderr where the engine's time goes (for bench/). */
final class Timing {
    private static final boolean ON = System.getenv("NSLAB_TIMING") != null;

    private Timing() {}

    static void note(String what, long startNanos, long endNanos) {
        if (ON) System.err.println("timing: " + what + " " + (endNanos - startNanos) / 1_000_000 + "ms");
    }
}
