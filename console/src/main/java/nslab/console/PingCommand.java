package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ping", description = "Ping from a namespace (host when left out) to an address or namespace, replies as they come.")
final class PingCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(index = "0", paramLabel = "NS", description = "where the ping starts (host when only TARGET is given)") String from;
    @Parameters(index = "1", arity = "0..1", paramLabel = "TARGET", description = "an address or a namespace (its first address)") String target;
    @Option(names = "-c", defaultValue = "3", paramLabel = "N", description = "how many pings (default 3)") int count;

    PingCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // a tutorial's plain "ping 10.0.0.2" runs on the machine itself: here, in host
        if (target == null) return ctx.runIn(nslab.model.Namespace.HOST, List.of("ping", "-c", String.valueOf(count), from));
        return ctx.runIn(from, List.of("ping", "-c", String.valueOf(count), target));
    }
}
