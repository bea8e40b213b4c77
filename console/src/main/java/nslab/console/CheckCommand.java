package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import nslab.model.Lab;
import picocli.CommandLine.Command;

@Command(name = "check", description = "Run the lab's expectations against the live lab.")
final class CheckCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    CheckCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Lab lab = ctx.requireLab();
        if (lab == null) return 1;
        if (!ctx.session.isLive() && !ctx.runtime.isLive(lab.name())) {
            ctx.out.println("lab '" + lab.name() + "' is not live: apply it first");
            ctx.out.flush();
            return 1;
        }
        if (lab.expectations().isEmpty()) {
            ctx.out.println("lab '" + lab.name() + "' has no expectations (try: expect { reach 'a' to 'b' })");
            ctx.out.flush();
            return 0;
        }
        return report(ctx, lab);
    }

    static int report(ConsoleContext ctx, Lab lab) {
        List<LabRuntime.CheckResult> results = ctx.runtime.check(lab);
        int failed = 0;
        for (LabRuntime.CheckResult r : results) {
            if (!r.passed()) failed++;
            ctx.out.println((r.passed() ? "  ok    " : "  FAIL  ") + r.description() + ": " + r.detail());
        }
        ctx.out.println(failed == 0 ? "all " + results.size() + " expectations hold"
                : failed + " of " + results.size() + " expectations failed");
        ctx.out.flush();
        return failed == 0 ? 0 : 4;
    }
}
