package nslab.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import nslab.engine.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;

/**
 * Runs the command the user is watching (exec, ping, capture): its output is printed line by line
 * as it comes, and Ctrl-C stops it, not the console. The console's SIGINT handler calls
 * {@link #interrupt()}; the command gets SIGINT first (so ping and tcpdump print their summary),
 * then SIGTERM and SIGKILL if it does not go.
 */
final class ForegroundProcess {
    private volatile Process current;
    private volatile boolean stopped;

    /** Runs the command to its end; its exit status, or the shell's status for interrupted (Ctrl-C) or not found. */
    int run(List<String> argv, PrintWriter out) {
        StartedProcess started;
        try {
            started = new org.zeroturnaround.exec.ProcessExecutor().command(argv).redirectErrorStream(true)
                    .redirectOutput(new OutputLines(line -> {
                        out.println(line);
                        out.flush();
                    }))
                    .exitValueAny().destroyOnExit().start();
        } catch (IOException e) {
            out.println("cannot run " + String.join(" ", argv) + ": " + e.getMessage());
            out.flush();
            return ProcessExecutor.NOT_FOUND;
        }
        stopped = false;
        current = started.getProcess();
        try {
            int status = started.getFuture().get().getExitValue();
            return stopped ? ProcessExecutor.INTERRUPTED : status;
        } catch (ExecutionException e) {
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            started.getProcess().destroyForcibly();
            return ProcessExecutor.INTERRUPTED;
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
        Process p = current;
        if (p == null) return;
        stopped = true;
        Thread stopper = new Thread(() -> stop(p), "nslab-ctrl-c");
        stopper.setDaemon(true);
        stopper.start();
    }

    private static void stop(Process p) {
        try {
            signal(p.toHandle(), "INT");
            p.descendants().forEach(h -> signal(h, "INT"));
            if (p.waitFor(2, TimeUnit.SECONDS)) return;
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (p.waitFor(2, TimeUnit.SECONDS)) return;
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Java can only send TERM and KILL itself; kill(1) sends the rest. */
    private static void signal(ProcessHandle h, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(h.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor(1, TimeUnit.SECONDS);
        } catch (IOException e) {
            h.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
