package nslab.cli;

import nslab.command.LabSource;
import nslab.command.Settings;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code nslab}: the command line. With no subcommand it opens the console. Its commands are in
 * {@link CommandTree}: its own, then the verbs shared with the console, each of which gets a lab
 * script (or name) argument as its {@link LabSource} here.
 */
@Command(name = "nslab", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Describe Linux network-namespace labs in a small language; plan, explain, apply, check and undo them.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:success", "1:the lab script is wrong (nothing was touched)", "2:usage error",
                "3:applying failed (what had been done was undone)", "4:an expectation failed, or a trace stopped"})
public final class Main implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Mixin
    GlobalOptions global;

    /** The environment's settings, read once as the command line starts. */
    private final Settings environment;

    Main(Settings environment) {
        this.environment = environment;
    }

    /** What this run was told: the environment, and the command line's options over it. */
    Settings settings() {
        return global.over(environment);
    }

    @Override
    public Integer call() throws Exception {
        return new ConsoleCommand().launch(settings(), null);
    }

    public static void main(String[] args) {
        ProcessEnd.onSignals();
        ProcessEnd.end(run(args));
    }

    public static int run(String... args) {
        return CommandTree.forArguments(Settings.fromEnvironment(), args).execute(args);
    }

    /** Every command (usage help, man pages, completion scripts). */
    public static CommandLine commandLine() {
        return CommandTree.whole(Settings.fromEnvironment());
    }
}
