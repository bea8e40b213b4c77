package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

// Placeholder until the console lands (issue 4).
@Command(name = "console", mixinStandardHelpOptions = true, description = "Open the interactive console.")
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Parameters(arity = "0..1", paramLabel = "LAB.groovy", description = "a lab to load (not applied)") Path lab;

    @Override
    public Integer call() throws Exception {
        return launch(main.global, lab);
    }

    int launch(GlobalOptions options, Path labFile) {
        System.err.println("nslab console: not available yet");
        return ExitCodes.USAGE;
    }
}
