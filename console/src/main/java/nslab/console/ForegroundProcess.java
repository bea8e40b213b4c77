package nslab.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import nslab.exec.ProcessLauncher;

/**
 * Runs the command the user is watching (exec, ping, capture): its output is printed line by line
 * as it comes, and Ctrl-C stops it, not the console. The console's SIGINT handler calls
 * {@link #interrupt()}; the command gets SIGINT first (so ping and tcpdump print their summary),
 * then SIGTERM and SIGKILL if it does not go.
 */
final class ForegroundProcess {
    private volatile ProcessLauncher.Running current;
    private volatile boolean stopped;

    /** Runs the command to its end; its exit status, or the shell's status for interrupted (Ctrl-C) or not found. */
    int run(List<String> argv, PrintWriter out) {
        ProcessLauncher.Running started;
        try {
            started = ProcessLauncher.of(argv).streamLines(line -> {
                out.println(line);
                out.flush();
            });
        } catch (IOException e) {
            out.println("cannot run " + String.join(" ", argv) + ": " + e.getMessage());
            out.flush();
            return ProcessLauncher.NOT_FOUND;
        }
        stopped = false;
        current = started;
        try {
            int status = started.waitFor();
            return stopped ? ProcessLauncher.INTERRUPTED : status;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.kill();
            return ProcessLauncher.INTERRUPTED;
        } finally {
            current = null;
            out.flush();
        }
    }

    boolean running() {
        return current != null;
    }

    /** Ctrl-C: ask the command to stop as a terminal would, and make sure it does. */
    void interrupt() {
        ProcessLauncher.Running p = current;
        if (p == null) return;
        stopped = true;
        Thread stopper = new Thread(() -> {
            try {
                p.stop(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nslab-ctrl-c");
        stopper.setDaemon(true);
        stopper.start();
    }
}
