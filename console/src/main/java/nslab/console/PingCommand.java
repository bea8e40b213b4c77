package nslab.console;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ping", description = "Ping from a namespace to an address or namespace, replies as they come.")
final class PingCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(index = "0", paramLabel = "NS", description = "where the ping starts") String from;
    @Parameters(index = "1", paramLabel = "TARGET", description = "an address or a namespace (its first address)") String target;
    @Option(names = "-c", defaultValue = "3", paramLabel = "N", description = "how many pings (default 3)") int count;

    PingCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return ctx.runIn(from, List.of("ping", "-c", String.valueOf(count), target));
    }
}
