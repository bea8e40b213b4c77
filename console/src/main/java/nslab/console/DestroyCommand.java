package nslab.console;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "destroy", description = "Remove everything the session's lab created; live mode goes off.")
final class DestroyCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    DestroyCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        boolean wasLive = ctx.runtime.destroy(ctx.session.labName(), ctx.out);
        ctx.session.setLive(false);
        if (!wasLive) {
            ctx.out.println("nothing of lab '" + ctx.session.labName() + "' is live");
            ctx.out.flush();
            return 0;
        }
        ctx.out.println("lab '" + ctx.session.labName() + "' destroyed; live mode is off (apply builds it again)");
        ctx.out.flush();
        return 0;
    }
}
