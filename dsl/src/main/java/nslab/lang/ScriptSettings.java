package nslab.lang;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How lab scripts are read in this run, decided once by the command line or the console from
 * their options and the environment: the time limit on evaluating a script, and the folder of
 * compiled scripts ({@link CompiledScriptStore}; empty: none).
 */
public record ScriptSettings(Duration timeout, Optional<Path> store) {
    /** 30 seconds and no store: what a run that was told nothing does. */
    public static final ScriptSettings DEFAULTS = new ScriptSettings(ScriptLimits.DEFAULT_TIMEOUT, Optional.empty());

    public ScriptSettings {
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("a time limit must be positive");
    }

    public ScriptSettings withTimeout(Duration limit) {
        return new ScriptSettings(limit, store);
    }
}
