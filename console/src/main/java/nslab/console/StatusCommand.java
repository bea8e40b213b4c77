package nslab.console;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "status", description = "What is live: namespaces, interfaces, addresses, routes.")
final class StatusCommand implements Callable<Integer> {
    private final ConsoleContext ctx;

    StatusCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String mode = ctx.session.isLive() ? "live mode on" : "live mode off";
        ctx.out.println("lab '" + ctx.session.labName() + "' (" + mode + ")");
        ctx.out.print(ctx.runtime.status(ctx.session.labName()));
        ctx.out.flush();
        return 0;
    }
}
