package nslab.command;

import java.util.List;
import picocli.CommandLine;

/**
 * The verbs that both command trees run, one class each. Adding a verb is writing its class and
 * adding it to {@link #ALL}: the command line ({@code nslab.cli.Main}) and the console
 * ({@code nslab.console.ConsoleCommands}) both install this list.
 */
public final class Verbs {
    public static final List<Class<?>> ALL = List.of(PlanCommand.class, ApplyCommand.class, DestroyCommand.class,
            CheckCommand.class, StatusCommand.class, GraphCommand.class, ExplainCommand.class, TraceCommand.class);

    private Verbs() {}

    /**
     * Adds the verbs to a tree (its factory gives them their {@link LabSource}) and sets how every
     * command of the tree ends: exit statuses from {@link ExitStatus}, enum values in any case.
     */
    public static CommandLine install(CommandLine tree, Settings settings) {
        return install(tree, ALL, settings);
    }

    /** The same with only some of the verbs (a command line that runs one of them needs no other). */
    public static CommandLine install(CommandLine tree, List<Class<?>> verbs, Settings settings) {
        for (Class<?> verb : verbs) tree.addSubcommand(verb);
        ExitStatus status = new ExitStatus(settings.debug());
        return tree.setExitCodeExceptionMapper(status)
                .setExecutionExceptionHandler(status)
                .setCaseInsensitiveEnumValuesAllowed(true);
    }
}
