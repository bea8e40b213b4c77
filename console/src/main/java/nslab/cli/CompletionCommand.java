package nslab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nslab completion bash|zsh}: the shell completion script, generated from the command model. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a completion script for bash or zsh: commands, options, lab scripts (.groovy files) and,"
                + " for destroy and status, the names of the labs live on this machine.",
                "Enable it for this shell with: source <(./nslab completion bash)"})
final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh }

    @Spec CommandSpec spec;
    @Parameters(paramLabel = "bash|zsh", description = "the shell (the script is the same; zsh runs it through bashcompinit)")
    Shell shell;

    @Override
    public Integer call() {
        String script = CompletionScript.bash(spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
