package nslab.command;

/**
 * What nslab says when SIGINT or SIGTERM ends it at once (the command line halts on them outside
 * an apply's own undo): a verb sets it for the time it matters, such as apply's check of a lab it
 * has built, which a signal leaves live.
 * <p>
 * The one static holder of nslab's choices, on purpose: the signal handler is installed once per
 * process before any command exists ({@code ProcessEnd}), runs on a thread of the JVM's own, and so
 * can only read what the running verb left in a place the whole process shares. It holds words, set
 * and cleared around one body, never a setting.
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
