package nslab.exec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.zeroturnaround.exec.ProcessExecutor;
import org.zeroturnaround.exec.StartedProcess;

/**
 * The one place nslab starts a process. A launcher is the program and how it is to be given its
 * input, time and environment; one of the ways to start it says what becomes of its output and of
 * the terminal: {@link #capture()} (to its end, output kept), {@link #streamLines} (output handed on
 * line by line as it comes), {@link #onTerminal()} (the program has the terminal until it exits),
 * {@link #inBackground()} (output dropped, stopped with nslab at the latest) and {@link #detached}
 * (goes on after nslab, output appended to a log). Signals go through {@link Signals}, never a
 * {@code kill} process.
 */
public final class ProcessLauncher {
    static {
        preferVfork();
    }

    /**
     * A big lab starts hundreds of short ip processes. Java 17 starts each through jspawnhelper
     * (posix_spawn, then a second exec); vfork execs the program directly, which halves the cost
     * of each. It must be chosen before the JVM's first process starts (so the engine's executor
     * calls this as it is made), and a choice made on the command line is kept.
     */
    public static void preferVfork() {
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
    }

    /** The exit statuses a process gets that did not run to its own end, as a shell gives them. */
    public static final int TIMED_OUT = 124;
    public static final int NOT_FOUND = 127;
    public static final int INTERRUPTED = 130;

    private final List<String> argv;
    private final byte[] input;
    private final long timeoutSeconds;
    private final Map<String, String> environment;

    private ProcessLauncher(List<String> argv, byte[] input, long timeoutSeconds, Map<String, String> environment) {
        this.argv = List.copyOf(argv);
        this.input = input;
        this.timeoutSeconds = timeoutSeconds;
        this.environment = environment;
    }

    /** The program {@code argv}, with no input, no time limit, and nslab's environment. */
    public static ProcessLauncher of(List<String> argv) {
        return new ProcessLauncher(argv, null, 0, Map.of());
    }

    /** What the program reads on standard input (null: nothing). */
    public ProcessLauncher input(byte[] bytes) {
        return new ProcessLauncher(argv, bytes, timeoutSeconds, environment);
    }

    public ProcessLauncher input(String text) {
        return input(text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** How long {@link #capture()} lets it run before it is killed ({@link #TIMED_OUT}); 0: no limit. */
    public ProcessLauncher timeout(long seconds) {
        return new ProcessLauncher(argv, input, seconds, environment);
    }

    /** A variable set for the program, beside nslab's own environment. */
    public ProcessLauncher environment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new ProcessLauncher(argv, input, timeoutSeconds, Map.copyOf(more));
    }

    /**
     * What a program run by {@link #capture()} did. {@code exit} is its own status, or
     * {@link #TIMED_OUT}, {@link #NOT_FOUND} or {@link #INTERRUPTED} with {@code failure} saying
     * what happened instead (null when it ran to its own end).
     */
    public record Captured(List<String> argv, int exit, byte[] out, byte[] err, String failure) {
        public String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        public String errText() {
            return new String(err, StandardCharsets.UTF_8);
        }
    }

    /** Runs it to its end (or its timeout), keeping what it prints; it dies with nslab. */
    public Captured capture() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ProcessExecutor pe = zt().redirectOutput(out).redirectError(err);
        if (timeoutSeconds > 0) pe.timeout(timeoutSeconds, TimeUnit.SECONDS);
        try {
            int exit = pe.execute().getExitValue();
            return new Captured(argv, exit, out.toByteArray(), err.toByteArray(), null);
        } catch (TimeoutException e) {
            return new Captured(argv, TIMED_OUT, out.toByteArray(), err.toByteArray(), "timed out after " + timeoutSeconds + "s");
        } catch (IOException e) {
            // Most often: the program is not installed.
            return new Captured(argv, NOT_FOUND, new byte[0], new byte[0], e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Captured(argv, INTERRUPTED, new byte[0], new byte[0], "interrupted");
        }
    }

    /**
     * Starts it with standard output and error handed to {@code line} line by line as they come
     * (empty lines too); it dies with nslab. Throws when it cannot start (not installed).
     */
    public Running streamLines(Consumer<String> line) throws IOException {
        StartedProcess started = zt().redirectErrorStream(true).redirectOutput(new OutputLines(line)).start();
        return new Running(started.getProcess(), () -> started.getFuture().get().getExitValue());
    }

    /** Starts it with its output dropped; it dies with nslab at the latest. */
    public Running inBackground() throws IOException {
        StartedProcess started = zt().redirectErrorStream(true).redirectOutput(OutputStream.nullOutputStream()).start();
        return new Running(started.getProcess(), () -> started.getFuture().get().getExitValue());
    }

    /** Runs it with this process's terminal as its own (a shell the user types into), to its end. */
    public int onTerminal() throws IOException, InterruptedException {
        return builder().inheritIO().start().waitFor();
    }

    /**
     * Starts it apart from nslab's lifetime (it goes on when nslab ends), reading nothing, its
     * output appended to {@code log}; its process id, or -1 when it could not start.
     */
    public long detached(Path log) {
        try {
            return builder()
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectErrorStream(true)
                    .start().pid();
        } catch (IOException e) {
            return -1;
        }
    }

    /** zt-exec for the processes that end with nslab: it pumps their output and destroys them on exit. */
    private ProcessExecutor zt() {
        ProcessExecutor pe = new ProcessExecutor(argv).exitValueAny().destroyOnExit();
        environment.forEach(pe::environment);
        if (input != null) pe.redirectInput(new ByteArrayInputStream(input));
        return pe;
    }

    /** A plain ProcessBuilder for the rest: zt-exec would tie a detached process to this JVM's lifetime. */
    private ProcessBuilder builder() {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(argv));
        pb.environment().putAll(environment);
        return pb;
    }

    /** A started process: wait for it, signal it and what it started. */
    public static final class Running {
        private interface Exit {
            int get() throws InterruptedException, ExecutionException;
        }

        private final Process process;
        private final Exit exit;

        private Running(Process process, Exit exit) {
            this.process = process;
            this.exit = exit;
        }

        public long pid() {
            return process.pid();
        }

        /** Its exit status once it has ended and its output has been handed on; 1 when that failed. */
        public int waitFor() throws InterruptedException {
            try {
                return exit.get();
            } catch (ExecutionException e) {
                return 1;
            }
        }

        public boolean waitFor(long seconds) throws InterruptedException {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        }

        /** Sends {@code signal} to it and to every process it started. */
        public void signal(int signal) {
            Signals.send(process.pid(), signal);
            process.descendants().forEach(h -> Signals.send(h.pid(), signal));
        }

        /** Kills it at once (SIGKILL), without what it started. */
        public void kill() {
            process.destroyForcibly();
        }

        /**
         * Stops it as a terminal's Ctrl-C would and makes sure it goes: SIGINT (so that ping and
         * tcpdump print their summary), then SIGTERM, then SIGKILL, each after {@code graceSeconds}.
         */
        public void stop(long graceSeconds) throws InterruptedException {
            signal(Signals.SIGINT);
            if (waitFor(graceSeconds)) return;
            signal(Signals.SIGTERM);
            if (waitFor(graceSeconds)) return;
            signal(Signals.SIGKILL);
        }
    }
}
