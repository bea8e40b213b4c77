package nslab.command;

import picocli.CommandLine;

/**
 * How a verb that throws ends, for both command trees: a {@link Precondition} prints its message
 * and exits with its status; anything unexpected prints one line, not a stack trace (set
 * NSLAB_DEBUG=1 for the trace).
 */
final class ExitStatus implements CommandLine.IExitCodeExceptionMapper, CommandLine.IExecutionExceptionHandler {
    private final boolean debug;

    /** {@code debug}: an unexpected failure also prints its stack trace. */
    ExitStatus(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int getExitCode(Throwable t) {
        if (t instanceof Precondition.NoValidLab) return ExitCodes.INVALID_LAB;
        if (t instanceof Precondition.NotPermitted || t instanceof Precondition.NotLive || t instanceof Precondition.BadArgument) {
            return ExitCodes.USAGE;
        }
        if (t instanceof CommandLine.ParameterException) return ExitCodes.USAGE;
        return ExitCodes.APPLY_FAILED;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof Precondition) {
            if (ex.getMessage() != null) cl.getErr().println(ex.getMessage());
        } else {
            if (debug) ex.printStackTrace(cl.getErr());
            cl.getErr().println("nslab " + cl.getCommandName() + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        }
        cl.getErr().flush();
        return getExitCode(ex);
    }
}
