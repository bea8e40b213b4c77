package nslab.console;

/** With NSLAB_TIMING set, prints how long each stage of start-up took (for bench/ and tuning). */
final class StartupTiming {
    private static final boolean ON = System.getenv("NSLAB_TIMING") != null;
    private static long last = System.nanoTime();

    private StartupTiming() {}

    /** Milliseconds since the JVM started (only asked for when timing is on). */
    static long sinceJvmStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    static boolean on() {
        return ON;
    }

    static void mark(String stage) {
        if (!ON) return;
        if (stage.startsWith("JVM")) {
            long since = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("[timing] JVM start to console: " + since + " ms");
        }
        long now = System.nanoTime();
        System.err.println("[timing] " + stage + ": " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
