package nslab.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import nslab.engine.EngineSettings;
import nslab.engine.ExecutorChoice;
import nslab.lang.ScriptLimits;
import nslab.lang.ScriptSettings;

/**
 * Every choice nslab takes from its environment, read once when the command line or the console
 * starts and handed down from there: no other class reads the environment (ArchitectureSpec holds
 * it to that). Each variable is a row of the table in docs/reference.md.
 * <p>
 * {@code script}: how lab scripts are read; {@code engine}: how the engine works; {@code timing}:
 * say where apply's, destroy's and start-up's time goes; {@code debug}: an unexpected failure
 * prints its stack trace; {@code history}: the console's history file; {@code home}: the user's
 * home folder; {@code shell}: the shell {@code shell NS} starts; {@code path}: where programs
 * (Graphviz's {@code dot}) are looked for; {@code webDir}: the folder the launcher made for {@code web}'s door out
 * of a sandbox (null outside one).
 */
public record Settings(ScriptSettings script, EngineSettings engine, boolean timing, boolean debug,
                       Path history, Path home, String shell, String path, Path webDir) {

    /** This process's environment and user. */
    public static Settings fromEnvironment() {
        return read(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The settings these variables make, for a user whose home folder is {@code home}. */
    public static Settings read(Map<String, String> env, Path home) {
        Duration timeout = ScriptLimits.parse(env.get(ScriptLimits.TIMEOUT_VARIABLE)).orElse(ScriptLimits.DEFAULT_TIMEOUT);
        String cache = env.get("NSLAB_CACHE_DIR");
        Optional<Path> store;
        if ("off".equals(cache)) store = Optional.empty();
        else if (given(cache)) store = Optional.of(Path.of(cache));
        else if (env.get("XDG_CACHE_HOME") != null) store = Optional.of(Path.of(env.get("XDG_CACHE_HOME"), "nslab", "scripts"));
        else store = Optional.of(home.resolve(".cache/nslab/scripts"));
        // JNA unpacks its native part for a moment: beside nslab's other cached files, or in the
        // temporary folder when those are off, never in a cache of its own
        Path nativeDir = !given(cache) ? null
                : cache.equals("off") ? Path.of(System.getProperty("java.io.tmpdir")) : Path.of(cache, "jna");

        String parallel = env.get("NSLAB_PARALLEL");
        String lockWait = env.get("NSLAB_LOCK_WAIT");
        EngineSettings engine = new EngineSettings(
                "ip".equals(env.get("NSLAB_EXECUTOR")) ? ExecutorChoice.Kind.ip : ExecutorChoice.Kind.netlink,
                given(env.get("NSLAB_RUN_DIR")) ? Path.of(env.get("NSLAB_RUN_DIR")) : EngineSettings.RUN_DIR,
                parallel != null && parallel.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(parallel)) : EngineSettings.PARALLEL,
                lockWait != null && lockWait.matches("\\d{1,9}") ? Duration.ofSeconds(Long.parseLong(lockWait)) : EngineSettings.LOCK_WAIT,
                "1".equals(env.get("NSLAB_IN_SANDBOX")),
                nativeDir);
        return new Settings(new ScriptSettings(timeout, store), engine,
                env.get("NSLAB_TIMING") != null, env.get("NSLAB_DEBUG") != null,
                given(env.get("NSLAB_HISTORY")) ? Path.of(env.get("NSLAB_HISTORY")) : home.resolve(".nslab_history"),
                home, env.getOrDefault("SHELL", "/bin/sh"), env.get("PATH"),
                given(env.get("NSLAB_WEB_DIR")) ? Path.of(env.get("NSLAB_WEB_DIR")) : null);
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    /** True when the launcher has put this process in a sandbox. */
    public boolean inSandbox() {
        return engine.inSandbox();
    }

    /** The command line's {@code --script-timeout}, which wins over the environment. */
    public Settings withScriptTimeout(Duration limit) {
        return new Settings(script.withTimeout(limit), engine, timing, debug, history, home, shell, path, webDir);
    }

    /** The command line's {@code --executor}, which wins over the environment. */
    public Settings withExecutor(ExecutorChoice.Kind kind) {
        return new Settings(script, engine.withExecutor(kind), timing, debug, history, home, shell, path, webDir);
    }

    /** The console's history in {@code file} (the specs keep theirs apart). */
    public Settings withHistory(Path file) {
        return new Settings(script, engine, timing, debug, file, home, shell, path, webDir);
    }

    /** Told (by a spec) that this process is, or is not, the inside of a sandbox. */
    public Settings inSandbox(boolean sandbox) {
        EngineSettings e = new EngineSettings(engine.executor(), engine.runDir(), engine.parallel(), engine.lockWait(),
                sandbox, engine.nativeDir());
        return new Settings(script, e, timing, debug, history, home, shell, path, webDir);
    }
}
