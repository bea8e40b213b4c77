package nslab.console;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads what is live on the kernel: network namespaces and the interfaces in one. Completion and
 * status ask it, so they show what exists even when the session's lab does not mention it.
 */
final class KernelView {
    /** Completion and the help under the prompt ask on every key; one answer serves a short burst of them. */
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final CommandRunner runner;
    private List<String> cachedNamespaces;
    private long cachedAt;

    KernelView(CommandRunner runner) {
        this.runner = runner;
    }

    /** Names of the live network namespaces ({@code ip netns list}), at most a second old. */
    synchronized List<String> namespaces() {
        long now = System.nanoTime();
        if (cachedNamespaces == null || now - cachedAt > FRESH_NANOS) {
            cachedNamespaces = List.copyOf(readNamespaces());
            cachedAt = now;
        }
        return cachedNamespaces;
    }

    /** Forget what was read: the caller has just changed the namespaces. */
    synchronized void changed() {
        cachedNamespaces = null;
    }

    private List<String> readNamespaces() {
        CommandRunner.Result r = runner.run(List.of("ip", "netns", "list"));
        List<String> names = new ArrayList<>();
        if (!r.ok()) return names;
        for (String line : r.output().split("\n")) {
            String name = line.strip();
            int space = name.indexOf(' ');
            if (space > 0) name = name.substring(0, space); // "a (id: 0)"
            if (!name.isEmpty()) names.add(name);
        }
        return names;
    }

    boolean namespaceExists(String name) {
        return namespaces().contains(name);
    }

    /** Interface names in a namespace; null or "host" means the root namespace. */
    List<String> interfaces(String namespace) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (namespace != null && !"host".equals(namespace)) argv.addAll(List.of("-n", namespace));
        argv.addAll(List.of("-o", "link", "show"));
        CommandRunner.Result r = runner.run(argv);
        List<String> names = new ArrayList<>();
        if (!r.ok()) return names;
        for (String line : r.output().split("\n")) {
            // "2: svr-veth@if3: <BROADCAST,..." : the name sits between the first ": " and the next ':'
            int first = line.indexOf(": ");
            if (first < 0) continue;
            int end = line.indexOf(':', first + 2);
            if (end < 0) continue;
            String name = line.substring(first + 2, end);
            int at = name.indexOf('@');
            if (at > 0) name = name.substring(0, at);
            names.add(name);
        }
        return names;
    }

    boolean hostInterfaceExists(String name) {
        return runner.run(List.of("ip", "link", "show", "dev", name)).ok();
    }
}
