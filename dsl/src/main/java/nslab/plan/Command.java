package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One program run with its arguments, in a namespace ({@code null}: the root namespace).
 * {@code ip} reaches into a namespace with {@code -n}; the other tools run under {@code ip netns exec}.
 */
public record Command(String namespace, Tool tool, List<String> args) {
    public Command {
        args = List.copyOf(args);
    }

    public static Command ip(String namespace, String... args) {
        return new Command(namespace, Tool.IP, List.of(args));
    }

    public static Command of(String namespace, Tool tool, List<String> args) {
        return new Command(namespace, tool, args);
    }

    public boolean inHost() {
        return namespace == null;
    }

    /** The exact argument vector a shell would run. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        if (tool == Tool.IP) {
            argv.add("ip");
            if (namespace != null) {
                argv.add("-n");
                argv.add(namespace);
            }
        } else {
            if (namespace != null) {
                argv.addAll(List.of("ip", "netns", "exec", namespace));
            }
            argv.add(tool.program());
            if (tool == Tool.RUN) argv.add("-c");
        }
        argv.addAll(args);
        return argv;
    }
}
