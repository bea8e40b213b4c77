package nslab.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.zeroturnaround.exec.ProcessResult;
import java.io.ByteArrayOutputStream;
import nslab.exec.Executor;
import nslab.exec.ExecResult;

/**
 * The real executor, on zt-exec: every process gets a timeout (a hung {@code ip} must not hang
 * nslab), its exit status is returned rather than thrown, and stderr is kept for the report.
 */
public final class ProcessExecutor implements Executor {
    static {
        // A big lab starts hundreds of short ip processes. Java 17 starts each through
        // jspawnhelper (posix_spawn, then a second exec); vfork execs the program directly, which
        // halves the cost of each. It must be chosen before the JVM's first process starts, and a
        // choice made on the command line is kept.
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
    }

    /** The exit statuses a process gets that did not run to its own end, as a shell gives them. */
    public static final int TIMED_OUT = 124;
    public static final int NOT_FOUND = 127;
    public static final int INTERRUPTED = 130;

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

    private ExecResult run(List<String> command, List<String> argv, String stdin) {
        beforeRun.accept(argv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        org.zeroturnaround.exec.ProcessExecutor pe = new org.zeroturnaround.exec.ProcessExecutor(command)
                .redirectOutput(out)
                .redirectError(err)
                .timeout(timeoutSeconds, TimeUnit.SECONDS)
                .environment(Strays.MARK, MARK)
                .destroyOnExit();
        if (stdin != null) pe.redirectInput(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            ProcessResult r = pe.execute();
            return new ExecResult(argv, r.getExitValue(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (TimeoutException e) {
            return new ExecResult(argv, TIMED_OUT, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8) + "timed out after " + timeoutSeconds + "s");
        } catch (IOException e) {
            // Most often: the program is not installed.
            return new ExecResult(argv, NOT_FOUND, "", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ExecResult(argv, INTERRUPTED, "", "interrupted");
        }
    }

    @Override
    public long start(List<String> argv, Path log, String mark) {
        beforeRun.accept(argv);
        try {
            // Plain ProcessBuilder: zt-exec would tie the process to this JVM's lifetime.
            ProcessBuilder pb = new ProcessBuilder(argv);
            if (mark != null) pb.environment().put(Strays.RUN_MARK, mark);
            Process p = pb
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start();
            return p.pid();
        } catch (IOException e) {
            return -1;
        }
    }
}
