package nslab.console;

import java.nio.file.Path;
import nslab.command.Settings;

/**
 * How the console was started. {@code settings}: what the options and the environment chose.
 * {@code live}: lab lines are applied at once from the start. {@code tailTips}: show command help
 * under the prompt (off on dumb terminals, where it would only add noise).
 */
public record ConsoleOptions(Settings settings, boolean live, Path lab, boolean tailTips) {

    /** The launcher put the JVM in a private namespace, so everything vanishes on exit. */
    public boolean sandbox() {
        return settings.inSandbox();
    }

    /** The history file: $NSLAB_HISTORY, else ~/.nslab_history (the sandbox keeps HOME, so history persists there too). */
    public Path history() {
        return settings.history();
    }
}
