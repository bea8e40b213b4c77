package nslab.command;

/**
 * A verb cannot go on, and says why before it starts changing anything. Each kind has its exit
 * status in {@link ExitStatus}, the one place that maps them; the message (when there is one) is
 * printed to the command's error stream.
 */
public abstract class Precondition extends RuntimeException {
    private Precondition(String message) {
        super(message, null, false, false);
    }

    /** There is no valid lab to act on; its problems are printed already (exit 1). */
    public static final class NoValidLab extends Precondition {
        public NoValidLab(String message) {
            super(message);
        }
    }

    /** The command may not run here as it is: not root, or --sandbox without the launcher (exit 2). */
    public static class NotPermitted extends Precondition {
        public NotPermitted(String message) {
            super(message);
        }
    }

    /** Not root and not in a sandbox: the kernel may be read from but not changed or probed (exit 2). */
    public static final class NotRoot extends NotPermitted {
        public NotRoot(String message) {
            super(message);
        }
    }

    /** An argument names nothing the lab has, e.g. trace's FROM (exit 2). */
    public static final class BadArgument extends Precondition {
        public BadArgument(String message) {
            super(message);
        }
    }

    /** The lab named has no journal here: there is nothing of it to act on (exit 2). */
    public static final class NotLive extends Precondition {
        public NotLive(String message) {
            super(message);
        }
    }
}
