package nslab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.exec.ProcessLauncher;

/**
 * The real executor: every process gets a timeout (a hung {@code ip} must not hang nslab), its
 * exit status is returned rather than thrown, and stderr is kept for the report. Processes are
 * started by {@link ProcessLauncher}.
 */
public final class ProcessExecutor implements Executor {
    static {
        ProcessLauncher.preferVfork();
    }

    /** The exit statuses a process gets that did not run to its own end, as a shell gives them. */
    public static final int TIMED_OUT = ProcessLauncher.TIMED_OUT;
    public static final int NOT_FOUND = ProcessLauncher.NOT_FOUND;
    public static final int INTERRUPTED = ProcessLauncher.INTERRUPTED;

    /** A single batch of 500 namespaces' worth of {@code ip} lines takes seconds, not minutes. */
    public static final long DEFAULT_TIMEOUT_SECONDS = 120;

    /** Every program this process runs carries it, so that a destroy after a kill -9 finds them ({@link Strays}). */
    private static final String MARK = Identities.self();

    private final long timeoutSeconds;
    private final Consumer<List<String>> beforeRun;

    public ProcessExecutor() {
        this(DEFAULT_TIMEOUT_SECONDS, argv -> { });
    }

    /** {@code beforeRun} sees each argv just before it runs (for {@code -v} and for specs). */
    public ProcessExecutor(long timeoutSeconds, Consumer<List<String>> beforeRun) {
        this.timeoutSeconds = timeoutSeconds;
        this.beforeRun = beforeRun;
    }

    @Override
    public ExecResult run(List<String> argv, String stdin) {
        return run(argv, argv, stdin);
    }

    /** setpriv (util-linux), which gives the program a parent-death signal before it runs it (null: none here). */
    private static final String SETPRIV = java.util.stream.Stream.of("/usr/bin/setpriv", "/bin/setpriv")
            .filter(p -> java.nio.file.Files.isExecutable(Path.of(p))).findFirst().orElse(null);

    @Override
    public ExecResult runTied(List<String> argv, String stdin) {
        if (SETPRIV == null) return run(argv, stdin);
        List<String> tied = new java.util.ArrayList<>(List.of(SETPRIV, "--pdeathsig", "KILL", "--"));
        tied.addAll(argv);
        return run(tied, argv, stdin);
    }

    @Override
    public ExecResult addNamespaces(List<String> argv, String stdin, java.util.function.Consumer<java.util.Map<String, Path>> beforeNaming) {
        ExecResult r = nslab.netlink.UnnamedNamespaces.addByIp(argv, stdin, beforeNaming, this::runTied);
        return r != null ? r : runTied(argv, stdin);
    }

    private ExecResult run(List<String> command, List<String> argv, String stdin) {
        beforeRun.accept(argv);
        ProcessLauncher.Captured r = ProcessLauncher.of(command).input(stdin).timeout(timeoutSeconds)
                .environment(Strays.MARK, MARK).capture();
        return new ExecResult(argv, r.exit(), r.outText(), r.failure() == null ? r.errText() : r.errText() + r.failure());
    }

    @Override
    public long start(List<String> argv, Path log, String mark) {
        beforeRun.accept(argv);
        ProcessLauncher launcher = ProcessLauncher.of(argv);
        if (mark != null) launcher = launcher.environment(Strays.RUN_MARK, mark);
        // the run directory nslab uses, beside the log: where FRR's instances keep their files
        if (log != null && log.getParent() != null) launcher = launcher.environment("NSLAB_RUN_DIR", log.getParent().toString());
        return launcher.detached(log);
    }
}
