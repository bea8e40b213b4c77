package nslab.command;

/** The exit statuses of commands.md, the same on the command line and in the console. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int INVALID_LAB = 1;
    public static final int USAGE = 2;
    public static final int APPLY_FAILED = 3;
    public static final int EXPECTATION_FAILED = 4;

    private ExitCodes() {}
}
