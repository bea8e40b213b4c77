package nslab.console;

import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import nslab.command.Reports;
import nslab.engine.DestroyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset", description = "Empty the session: no lab, nothing waiting; a live lab asks for --destroy or --keep.")
final class ResetCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Option(names = "--destroy", description = "destroy the live lab first") boolean destroy;
    @Option(names = "--keep", description = "leave the live lab up (nslab destroy NAME removes it later)") boolean keep;

    ResetCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String name = ctx.session.labName();
        boolean live = ctx.session.lab() != null && ctx.engine.isLive(name);
        if (live && !destroy && !keep) {
            ctx.out.println("reset: lab " + name + " is live: reset --destroy takes it down first, reset --keep leaves it up");
            ctx.out.flush();
            return ExitCodes.USAGE;
        }
        if (live && destroy) {
            DestroyResult r = ctx.engine.destroy(name);
            Reports.destroy(ctx.out, ctx.out, name, r);
            ctx.kernel.changed();
            if (!r.ok()) return ExitCodes.APPLY_FAILED;
        }
        ctx.session.reset();
        ctx.out.println("reset: the session is empty" + (live && keep ? " (lab " + name + " stays up)" : ""));
        ctx.out.flush();
        return ExitCodes.OK;
    }
}
