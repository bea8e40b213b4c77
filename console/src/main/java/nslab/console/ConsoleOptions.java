package nslab.console;

import java.nio.file.Path;

/**
 * How the console was started. {@code sandbox}: the launcher put the JVM in a private namespace,
 * so everything vanishes on exit. {@code live}: lab lines are applied at once from the start.
 * {@code history}: the history file; {@code tailTips}: show command help under the prompt (off on
 * dumb terminals, where it would only add noise).
 */
public record ConsoleOptions(boolean sandbox, boolean live, Path lab, Path history, boolean tailTips) {

    /** The history file: $NSLAB_HISTORY, else ~/.nslab_history (the sandbox keeps HOME, so history persists there too). */
    public static Path defaultHistory() {
        String env = System.getenv("NSLAB_HISTORY");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".nslab_history");
    }
}
