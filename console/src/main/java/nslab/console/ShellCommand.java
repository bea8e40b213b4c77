package nslab.console;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import nslab.exec.ProcessLauncher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "shell", description = "An interactive shell inside a namespace until it exits.")
final class ShellCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(paramLabel = "NS", description = "the namespace") String namespace;

    ShellCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String shell = ctx.options.settings().shell();
        List<String> command = new ArrayList<>(List.of(shell));
        List<String> argv = ctx.inNamespace(namespace, command);
        if (argv == null) return ExitCodes.USAGE;
        ctx.out.println("shell in " + namespace + "; exit or Ctrl-D returns to the console");
        ctx.out.flush();
        ProcessLauncher shellThere = ProcessLauncher.of(argv).environment("NSLAB_NAMESPACE", namespace)
                // the prompt says where the user is; bash reads PS1 from the environment when it has no rc file
                .environment("PS1", "(" + namespace + ") \\w\\$ ");
        // the shell owns the terminal until it exits: JLine stops reading and restores it afterwards
        ctx.terminal.pause();
        try {
            return shellThere.onTerminal();
        } finally {
            ctx.terminal.resume();
            ctx.out.println("back in the nslab console");
            ctx.out.flush();
        }
    }
}
