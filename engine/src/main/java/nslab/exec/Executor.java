package nslab.exec;

import java.nio.file.Path;
import java.util.List;

/**
 * Runs programs. An interface so that the engine's callers (and specs) can watch or replace what
 * runs; the engine's {@code ProcessExecutor} starts processes, the netlink executor talks to the kernel itself.
 */
public interface Executor {
    /** Runs argv to completion with {@code stdin} (null: none), capturing stdout and stderr. */
    ExecResult run(List<String> argv, String stdin);

    /**
     * {@link #run}, in a process that ends with nslab, even by kill -9, where the executor starts
     * one: what it would make after nslab is gone, nslab could not record.
     */
    default ExecResult runTied(List<String> argv, String stdin) {
        return run(argv, stdin);
    }

    /**
     * Starts argv in the background, detached from this program's lifetime, with its output sent
     * to {@code log} and {@code mark} in its environment as {@code NSLAB_RUN} (so that it is known
     * as the lab's even if nslab dies before it records its PID); returns its process id.
     */
    long start(List<String> argv, Path log, String mark);
}
