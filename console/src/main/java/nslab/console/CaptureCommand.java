package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "capture", description = "Show packets on an interface of a namespace (tcpdump) as they pass; Ctrl-C stops.")
final class CaptureCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(index = "0", paramLabel = "NS", description = "the namespace") String namespace;
    @Parameters(index = "1", paramLabel = "IF", description = "the interface") String iface;
    @Option(names = "-c", paramLabel = "N", description = "stop after N packets") Integer count;
    @Parameters(index = "2..*", arity = "0..*", paramLabel = "FILTER", description = "a tcpdump filter, e.g. icmp or tcp port 80")
    List<String> filter;

    /**
     * A user namespace made by an unprivileged unshare --map-root-user (./nslab --sandbox run by a
     * user other than root): only root is mapped and setgroups(2) is denied there.
     */
    static boolean setgroupsDenied() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/setgroups")).strip().equals("deny");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    CaptureCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (setgroupsDenied()) {
            ctx.out.println("capture: tcpdump cannot run in this sandbox: it changes to a user of its own, and the sandbox"
                    + " of a user other than root maps only root; start ./nslab --sandbox as root (sudo) for one that maps"
                    + " every user, or capture in a lab applied without --sandbox");
            ctx.out.flush();
            return ExitCodes.USAGE;
        }
        // -l: line-buffered, so each packet shows when it passes; -n: no DNS lookups to wait for
        List<String> cmd = new ArrayList<>(List.of("tcpdump", "-l", "-n", "-i", iface));
        if (count != null) cmd.addAll(List.of("-c", String.valueOf(count)));
        if (filter != null) cmd.addAll(filter);
        return ctx.runIn(namespace, cmd);
    }
}
