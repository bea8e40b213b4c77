package nslab.cli;

import nslab.command.LabSource;
import nslab.command.Verbs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nslab}: the command line. With no subcommand it opens the console. The verbs are the
 * shared ones of {@link Verbs}; here each gets a lab script (or name) argument as its {@link LabSource}.
 */
@Command(name = "nslab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Describe Linux network-namespace labs in a small language; plan, explain, apply, check and undo them.",
        subcommands = {ConsoleCommand.class, ImportCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the lab script is wrong (nothing was touched)", "2:usage error",
                "3:applying failed (what had been done was undone)", "4:an expectation failed, or a trace stopped"})
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
        CommandLine cl = Verbs.install(new CommandLine(new Main(), new LabArguments()));
        for (CommandLine verb : cl.getSubcommands().values()) verb.getCommandSpec().mixinStandardHelpOptions(true);
        return cl;
    }
}
