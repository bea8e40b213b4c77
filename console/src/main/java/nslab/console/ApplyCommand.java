package nslab.console;

import java.util.concurrent.Callable;
import nslab.model.Lab;
import picocli.CommandLine.Command;

@Command(name = "apply", description = "Build the session's lab on the kernel and check its expectations; then live mode is on.")
final class ApplyCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    ApplyCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Lab lab = ctx.requireLab();
        if (lab == null) return 1;
        int ran;
        try {
            ran = ctx.runtime.apply(ctx.session.plan(), ctx.out);
        } catch (LabRuntime.Failure f) {
            ctx.out.println("apply: " + f.getMessage() + (f.source() == null ? "" : " (from " + f.source() + ")"));
            ctx.out.flush();
            return 3;
        }
        ctx.session.setLive(true);
        if (ran == 0) {
            ctx.out.println("lab '" + lab.name() + "' is already live; nothing to change");
        } else {
            ctx.out.println("lab '" + lab.name() + "' is live (" + ran + " commands run); live mode is on:"
                    + " lab lines you type now are applied at once");
        }
        ctx.out.flush();
        return lab.expectations().isEmpty() ? 0 : CheckCommand.report(ctx, lab);
    }
}
