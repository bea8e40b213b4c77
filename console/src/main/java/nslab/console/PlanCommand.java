package nslab.console;

import java.util.concurrent.Callable;
import nslab.render.ShellScriptRenderer;
import picocli.CommandLine.Command;

@Command(name = "plan", description = "Print the session's lab as a shell script; changes nothing.")
final class PlanCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    PlanCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.requireLab() == null) return 1;
        ctx.out.print(new ShellScriptRenderer().render(ctx.session.plan()));
        ctx.out.flush();
        return 0;
    }
}
