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
     * Starts argv in the background, detached from this program's lifetime, with its output sent
     * to {@code log}; returns its process id.
     */
    long start(List<String> argv, Path log);
}
