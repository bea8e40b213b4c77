package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.console.Console;
import nslab.console.ConsoleOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

/** {@code nslab console [--live] [LAB.groovy]}: the interactive console (also what {@code nslab} alone opens). */
@Command(name = "console", mixinStandardHelpOptions = true, description = "Open the interactive console.")
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(arity = "0..1", paramLabel = "LAB.groovy", description = "a lab to load (not applied)") Path lab;
    @Option(names = "--live", description = "apply each lab line at once from the start") boolean live;

    @Override
    public Integer call() throws Exception {
        return launch(main.settings(), lab);
    }

    int launch(nslab.command.Settings settings, Path labFile) throws java.io.IOException {
        return Console.start(new ConsoleOptions(settings, live, labFile, true));
    }
}
