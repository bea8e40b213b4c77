package nslab.console;

/** With NSLAB_TIMING set, prints how long each stage of start-up took (for bench/ and tuning). */
final class StartupTiming {
    private static final boolean ON = System.getenv("NSLAB_TIMING") != null;
    private static long last = System.nanoTime();

    private StartupTiming() {}

    static void mark(String stage) {
        if (!ON) return;
        if (stage.startsWith("JVM")) {
            long since = ProcessHandle.current().info().startInstant()
                    .map(t -> java.time.Duration.between(t, java.time.Instant.now()).toMillis()).orElse(-1L);
            System.err.println("[timing] JVM start to console: " + since + " ms");
        }
        long now = System.nanoTime();
        System.err.println("[timing] " + stage + ": " + (now - last) / 1_000_000 + " ms");
        last = now;
    }
}
