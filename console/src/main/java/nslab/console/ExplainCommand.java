package nslab.console;

import java.util.concurrent.Callable;
import nslab.render.ExplainRenderer;
import picocli.CommandLine.Command;

@Command(name = "explain", description = "Each line of the session's lab beside the commands it produces.")
final class ExplainCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    ExplainCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.requireLab() == null) return 1;
        ctx.out.print(new ExplainRenderer().render(ctx.session.plan()));
        ctx.out.flush();
        return 0;
    }
}
