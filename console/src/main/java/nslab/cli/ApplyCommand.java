package nslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

// Placeholder until the engine lands (issue 3).
@Command(name = "apply", mixinStandardHelpOptions = true, description = "not available yet")
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("nslab apply: not available yet");
        return ExitCodes.USAGE;
    }
}
