package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import nslab.model.Lab;
import nslab.plan.Step;
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
        List<Step> pending = ctx.session.pending(ctx.session.plan());
        if (pending.isEmpty() && ctx.session.isLive()) {
            ctx.out.println("lab '" + lab.name() + "' is already live; nothing to change");
            ctx.out.flush();
            return 0;
        }
        try {
            ctx.runtime.checkNothingInTheWay(pending);
            ctx.runtime.apply(pending, ctx.out);
        } catch (LabRuntime.Failure f) {
            ctx.out.println("apply: " + f.getMessage() + " (from " + f.step().source() + "); what it had done was undone");
            ctx.out.flush();
            return 3;
        }
        ctx.session.markApplied(pending);
        ctx.session.setLive(true);
        ctx.out.println("lab '" + lab.name() + "' is live (" + pending.size() + " commands run); live mode is on:"
                + " lab lines you type now are applied at once");
        ctx.out.flush();
        return lab.expectations().isEmpty() ? 0 : CheckCommand.report(ctx, lab);
    }
}
