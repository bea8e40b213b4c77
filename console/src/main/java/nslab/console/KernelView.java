package nslab.console;

import java.util.List;
import nslab.exec.LiveState;
import nslab.model.Namespace;

/**
 * The kernel as completion, the highlighter and the first-word test see it: the engine's
 * {@link LiveState}, with its namespace list kept for a second, since completion and the help
 * under the prompt ask on every key. The list is read from {@code /run/netns}, as
 * {@code ip netns list} reads it, without starting a process (which a loaded machine makes slow).
 */
final class KernelView {
    private static final long FRESH_NANOS = 1_000_000_000L;

    private final LiveState live;
    private List<String> cachedNamespaces;
    private long cachedAt;

    KernelView(LiveState live) {
        this.live = live;
    }

    /** Names of the live network namespaces, at most a second old. */
    synchronized List<String> namespaces() {
        long now = System.nanoTime();
        if (cachedNamespaces == null || now - cachedAt > FRESH_NANOS) {
            cachedNamespaces = List.copyOf(namedNamespaces());
            cachedAt = now;
        }
        return cachedNamespaces;
    }

    private List<String> namedNamespaces() {
        java.nio.file.Path dir = java.nio.file.Path.of("/run/netns");
        if (!java.nio.file.Files.isDirectory(dir)) return List.of();
        try (var names = java.nio.file.Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException | RuntimeException e) {
            return live.namespaces();
        }
    }

    /** Forget what was read: namespaces have just come or gone. */
    synchronized void changed() {
        cachedNamespaces = null;
    }

    boolean namespaceExists(String name) {
        return namespaces().contains(name);
    }

    /** Interface names in a namespace; "host" means the root namespace. */
    List<String> interfaces(String namespace) {
        return live.links(Namespace.HOST.equals(namespace) ? null : namespace);
    }
}
