package nslab.command;

/**
 * What nslab says when SIGINT or SIGTERM ends it at once (the command line halts on them outside
 * an apply's own undo): a verb sets it for the time it matters, such as apply's check of a lab it
 * has built, which a signal leaves live.
 */
public final class LastWords {
    private static volatile String words;

    private LastWords() {}

    /** Says {@code text} if a signal ends nslab while {@code body} runs. */
    public static <T> T during(String text, java.util.function.Supplier<T> body) {
        words = text;
        try {
            return body.get();
        } finally {
            words = null;
        }
    }

    /** The words to say now, or null. */
    public static String now() {
        return words;
    }
}
