package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import nslab.plan.Step;
import picocli.CommandLine.Command;

@Command(name = "destroy", description = "Remove everything the session's lab created; live mode goes off.")
final class DestroyCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    DestroyCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<Step> applied = ctx.session.applied();
        if (applied.isEmpty()) {
            ctx.out.println("nothing of lab '" + ctx.session.labName() + "' is live");
            ctx.session.setLive(false);
            ctx.out.flush();
            return 0;
        }
        ctx.runtime.destroy(applied, ctx.out);
        ctx.session.clearApplied();
        ctx.session.setLive(false);
        ctx.out.println("lab '" + ctx.session.labName() + "' destroyed; live mode is off (apply builds it again)");
        ctx.out.flush();
        return 0;
    }
}
