package nslab.cli;

import picocli.CommandLine;

/** Unexpected failures print one line, not a stack trace (set NSLAB_DEBUG=1 for the trace). */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (System.getenv("NSLAB_DEBUG") != null) ex.printStackTrace(cl.getErr());
        cl.getErr().println("nslab: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
        return ExitCodes.APPLY_FAILED;
    }
}
