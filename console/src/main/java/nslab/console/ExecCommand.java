package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "exec", description = "Run a command inside a namespace, output as it comes; Ctrl-C stops it.")
final class ExecCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(index = "0", paramLabel = "NS", description = "the namespace (host: the machine itself)") String namespace;
    @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "the command; a namespace name in it stands for its first address")
    List<String> command;

    ExecCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.runIn(namespace, command);
    }
}
