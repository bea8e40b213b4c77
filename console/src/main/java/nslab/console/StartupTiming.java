package nslab.console;

/** With NSLAB_TIMING set ({@code on}), prints how long each stage of start-up took (for bench/ and tuning). */
final class StartupTiming {
    private final boolean on;
    private long last = System.nanoTime();

    StartupTiming(boolean on) {
        this.on = on;
    }

    /** Milliseconds since the JVM started (only asked for when timing is on). */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    boolean on() {
        return on;
    }

    synchronized void mark(String stage) {
        if (!on) return;
        if (stage.startsWith("JVM")) System.err.println("[timing] JVM start to console: " + sinceJvmStart() + " ms");
        long now = System.nanoTime();
        System.err.println("[timing] " + stage + ": " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
