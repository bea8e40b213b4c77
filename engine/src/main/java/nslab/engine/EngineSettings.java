package nslab.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the engine on this machine works in this run, decided once by the command line or the
 * console from their options and the environment and handed to {@link Engine#onThisMachine}:
 * <ul>
 * <li>{@code executor}: netlink or ip ({@link ExecutorChoice});
 * <li>{@code runDir}: where journals, locks and run logs are kept;
 * <li>{@code parallel}: how many namespaces' batches run at once;
 * <li>{@code lockWait}: how long to wait for another nslab working on the same lab;
 * <li>{@code inSandbox}: whether the launcher put this process in a sandbox (whose /etc may be the machine's);
 * <li>{@code nativeDir}: where JNA unpacks its native part (null: JNA's own choice).
 * </ul>
 */
public record EngineSettings(ExecutorChoice.Kind executor, Path runDir, int parallel, Duration lockWait,
                             boolean inSandbox, Path nativeDir) {
    public static final Path RUN_DIR = Path.of("/run/nslab");
    public static final Duration LOCK_WAIT = Duration.ofSeconds(10);
    /** Namespaces' batches are independent; a few at a time hide each process's start-up cost. */
    public static final int PARALLEL = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() * 2));

    /** What a run that was told nothing does. */
    public static final EngineSettings DEFAULTS = new EngineSettings(ExecutorChoice.Kind.netlink, RUN_DIR, PARALLEL, LOCK_WAIT, false, null);

    public EngineSettings {
        if (parallel < 1) throw new IllegalArgumentException("parallel < 1");
    }

    public EngineSettings withExecutor(ExecutorChoice.Kind kind) {
        return new EngineSettings(kind, runDir, parallel, lockWait, inSandbox, nativeDir);
    }
}
