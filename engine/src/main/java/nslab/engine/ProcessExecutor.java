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
        beforeRun.accept(argv);
        ProcessLauncher.Captured r = ProcessLauncher.of(argv).input(stdin).timeout(timeoutSeconds)
                .environment(Strays.MARK, MARK).capture();
        return new ExecResult(argv, r.exit(), r.outText(), r.failure() == null ? r.errText() : r.errText() + r.failure());
    }

    @Override
    public long start(List<String> argv, Path log) {
        beforeRun.accept(argv);
        return ProcessLauncher.of(argv).detached(log);
    }
}
