package nslab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code nslab}: the command line. With no subcommand it opens the console. */
@Command(name = "nslab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Describe Linux network-namespace labs in a small language; plan, explain, apply, check and undo them.",
        subcommands = {ConsoleCommand.class, PlanCommand.class, ApplyCommand.class, DestroyCommand.class,
                CheckCommand.class, StatusCommand.class, GraphCommand.class, ExplainCommand.class, TraceCommand.class},
        footer = {"", "Exit status: 0 success, 1 the lab script is wrong, 2 usage error, 3 applying failed (undone),"
                + " 4 an expectation failed (or a trace stopped)."})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global;

    @Override
    public Integer call() throws Exception {
        return new ConsoleCommand().launch(global, null);
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        return cl;
    }
}
