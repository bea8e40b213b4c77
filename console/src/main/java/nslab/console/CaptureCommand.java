package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "capture", description = "Show packets on an interface of a namespace (tcpdump) as they pass; Ctrl-C stops.")
final class CaptureCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(index = "0", paramLabel = "NS", description = "the namespace") String namespace;
    @Parameters(index = "1", paramLabel = "IF", description = "the interface") String iface;
    @Option(names = "-c", paramLabel = "N", description = "stop after N packets") Integer count;

    CaptureCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        // -l: line-buffered, so each packet shows when it passes; -n: no DNS lookups to wait for
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-l", "-n", "-i", iface));
        if (count != null) cmd.addAll(List.of("-c", String.valueOf(count)));
        return ctx.runIn(namespace, cmd);
    }
}
