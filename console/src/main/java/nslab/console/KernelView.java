package nslab.console;

import java.util.List;
import nslab.engine.LiveState;
import nslab.model.Namespace;

/**
 * The kernel as completion, the highlighter and the first-word test see it: the engine's
 * {@link LiveState}, with its namespace list kept for a second, since completion and the help
 * under the prompt ask on every key.
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
            cachedNamespaces = List.copyOf(live.namespaces());
            cachedAt = now;
        }
        return cachedNamespaces;
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
