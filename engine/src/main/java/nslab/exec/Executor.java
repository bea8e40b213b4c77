package nslab.exec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nslab.plan.Operation;
import nslab.plan.Tool;

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
     * Runs a batch of {@code netns add NAME} lines ({@code ip -batch -}) so that every namespace
     * exists before it is named, and hands {@code beforeNaming} each one's file (name to
     * {@code /proc/TID/ns/net}) while nothing has a name yet: its identity is recorded before a
     * crash could leave it named and unknown. Answers as the batch would. By default (an executor
     * that cannot hold a namespace) the batch runs as it is, tied, and nothing is handed over.
     */
    default ExecResult addNamespaces(List<String> argv, String stdin, Consumer<Map<String, Path>> beforeNaming) {
        return runTied(argv, stdin);
    }

    /**
     * Starts argv in the background, detached from this program's lifetime, with its output sent
     * to {@code log} and {@code mark} in its environment as {@code NSLAB_RUN} (so that it is known
     * as the lab's even if nslab dies before it records its PID); returns its process id.
     */
    long start(List<String> argv, Path log, String mark);

    /**
     * Carries out operations of one tool in one namespace (null: the root namespace), in order,
     * itself; {@code tolerant}: going on past a failure. Null when this executor does not carry
     * them out itself: then the caller runs the tool's program on them, which is what this
     * default says.
     */
    default Outcome carryOut(String namespace, Tool tool, List<Operation> operations, boolean tolerant) {
        return null;
    }

    /**
     * The values of kernel settings in a namespace (null: the root namespace), in the order of
     * {@code keys}, spaces and tabs as {@code sysctl -n} prints them; null when one could not be read.
     */
    default List<String> readSysctls(String namespace, List<String> keys) {
        List<String> argv = new ArrayList<>();
        if (namespace != null) argv.addAll(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of("sysctl", "-n"));
        argv.addAll(keys);
        ExecResult r = run(argv, null);
        List<String> values = r.out().lines().toList();
        return r.ok() && values.size() == keys.size() ? values : null;
    }
}
