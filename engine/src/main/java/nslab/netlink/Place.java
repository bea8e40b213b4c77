package nslab.netlink;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Where the lines of one batch take effect: the root namespace (null) or a named one. Holds the
 * batch's netlink socket, opened there on first use, and descriptors of the namespaces its lines
 * name ({@code netns NS}), opened once.
 */
final class Place implements Target, AutoCloseable {
    final String namespace;
    private NetlinkSocket socket;
    private final Map<String, Integer> namespaceFds = new HashMap<>();

    Place(String namespace) {
        this.namespace = namespace;
    }

    NetlinkSocket socket() {
        if (socket == null) socket = namespace == null ? new NetlinkSocket() : NamedNamespaces.inside(namespace, NetlinkSocket::new);
        return socket;
    }

    @Override
    public int index(String device) {
        return socket().index(device);
    }

    @Override
    public void forget(String device) {
        socket().forget(device);
    }

    @Override
    public KernelError request(byte[] message) {
        return socket().request(message);
    }

    @Override
    public int namespaceFd(String name) {
        return namespaceFds.computeIfAbsent(name, n -> {
            try {
                return NamedNamespaces.open(n);
            } catch (com.sun.jna.LastErrorException e) {
                return -1;
            }
        });
    }

    @Override
    public <T> T run(Callable<T> job) throws Exception {
        return namespace == null ? job.call() : NamedNamespaces.inside(namespace, job);
    }

    @Override
    public void close() {
        if (socket != null) socket.close();
        for (int fd : namespaceFds.values()) if (fd >= 0) LibC.close(fd);
    }
}
