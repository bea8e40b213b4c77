package nslab.console;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.ProcessResult;

/**
 * Runs a short command to completion and gives back its exit status and output. Used for plan
 * steps and for reading the kernel (namespaces, interfaces); long-running commands the user
 * watches go through {@link ForegroundProcess} instead.
 */
final class CommandRunner {
    /** The exit status and the combined stdout and stderr of one command. */
    record Result(int exitCode, String output) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private final long timeoutSeconds;

    CommandRunner() {
        this(30);
    }

    CommandRunner(long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    Result run(List<String> argv) {
        try {
            ProcessResult r = new ProcessExecutor().command(argv).readOutput(true).redirectErrorStream(true)
                    .timeout(timeoutSeconds, TimeUnit.SECONDS).exitValueAny().execute();
            return new Result(r.getExitValue(), r.outputUTF8());
        } catch (java.util.concurrent.TimeoutException e) {
            return new Result(124, "timed out after " + timeoutSeconds + " s");
        } catch (java.io.IOException e) {
            // most often: the program is not installed
            return new Result(127, e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, "interrupted");
        }
    }
}
