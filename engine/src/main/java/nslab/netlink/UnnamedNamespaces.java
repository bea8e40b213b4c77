package nslab.netlink;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import nslab.exec.ExecResult;

/**
 * New network namespaces made before they are named, so that the engine can record each one's
 * identity (nsfs device, inode and change time) while it has no name yet: a kill -9 can then never
 * leave a named namespace whose identity nslab does not know. Each namespace is held by an open
 * file of it, which also keeps its nsfs inode, so that the name bound to it later shows the very
 * inode read before. Two ways of holding, for the two executors:
 * <ul>
 * <li>{@link #addByIp}: a thread of its own in each namespace, named by
 *     {@code ip netns attach NAME TID} (ip names only a process's namespace);</li>
 * <li>{@link #addHere}: two makers that {@code unshare} one namespace after another (as many side
 *     by side as the kernel sets up well; a thread per namespace cost three times as much), each
 *     held by a descriptor and named by binding {@code /proc/self/fd/N}.</li>
 * </ul>
 * Both answer as {@code ip -batch} of the {@code netns add NAME} lines would: a namespace that
 * could not be made fails on its own line, after the ones before it were named.
 */
public final class UnnamedNamespaces implements AutoCloseable {
    private static final int MAKERS = 2;

    private final List<String> names;
    private final long[] threads;
    private final int[] fds;
    private final String[] errors;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> holders = new ArrayList<>();

    private UnnamedNamespaces(List<String> names) {
        this.names = List.copyOf(names);
        this.threads = new long[names.size()];
        this.fds = new int[names.size()];
        java.util.Arrays.fill(fds, -1);
        this.errors = new String[names.size()];
    }

    /**
     * The {@code ip} executor's way: each namespace held by a thread in it, handed to
     * {@code beforeNaming} (name to {@code /proc/TID/ns/net}), then named by {@code run} of the
     * batch as {@code netns attach NAME TID} lines. Null when this process cannot make namespaces
     * itself (no JNA here): the caller runs the batch as it is.
     */
    public static ExecResult addByIp(List<String> argv, String stdin, Consumer<Map<String, Path>> beforeNaming,
                                     BiFunction<List<String>, String, ExecResult> run) {
        List<String> names = names(stdin);
        if (names == null) return run.apply(argv, stdin);
        if (!jnaLoads()) return null;
        try (UnnamedNamespaces held = heldByThreads(names)) {
            return held.name(argv, beforeNaming, k -> Path.of("/proc/" + held.threads[k] + "/ns/net"), ready -> {
                StringBuilder attach = new StringBuilder();
                for (int k = 0; k < ready; k++) attach.append("netns attach ").append(names.get(k)).append(' ').append(held.threads[k]).append('\n');
                return run.apply(argv, attach.toString());
            });
        }
    }

    /**
     * The netlink executor's way: namespaces made by two makers and held by descriptors, handed
     * to {@code beforeNaming} (name to {@code /proc/self/fd/N}), then named here. Null when the
     * lines are not all {@code netns add NAME} (the caller runs them as they are).
     */
    static ExecResult addHere(List<String> argv, String stdin, Consumer<Map<String, Path>> beforeNaming) {
        List<String> names = names(stdin);
        if (names == null) return null;
        try (UnnamedNamespaces held = heldByFiles(names)) {
            return held.name(argv, beforeNaming, k -> Path.of("/proc/self/fd/" + held.fds[k]), ready -> {
                List<String> sources = new ArrayList<>();
                for (int k = 0; k < ready; k++) sources.add("/proc/self/fd/" + held.fds[k]);
                int[] made = new int[1];
                String error = NamedNamespaces.attach(names.subList(0, ready), sources, made);
                return error == null ? new ExecResult(argv, 0, "", "")
                        : new ExecResult(argv, 1, "", error + "\nCommand failed -:" + (made[0] + 1) + "\n");
            });
        }
    }

    /** The names of a batch of {@code netns add NAME} lines, or null when it holds another line. */
    private static List<String> names(String stdin) {
        List<String> names = new ArrayList<>();
        for (String line : stdin.split("\n")) {
            if (line.isBlank()) continue;
            String[] w = line.trim().split("\\s+");
            if (w.length != 3 || !w[0].equals("netns") || !w[1].equals("add")) return null;
            names.add(w[2]);
        }
        return names;
    }

    private static boolean jnaLoads() {
        try {
            LibC.strerror(0);
            return true;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The namespaces made before the first that could not be, handed over, then named by {@code namer}. */
    private ExecResult name(List<String> argv, Consumer<Map<String, Path>> beforeNaming,
                            java.util.function.IntFunction<Path> file, java.util.function.IntFunction<ExecResult> namer) {
        int ready = 0;
        while (ready < names.size() && errors[ready] == null) ready++;
        Map<String, Path> files = new LinkedHashMap<>();
        for (int k = 0; k < ready; k++) files.put(names.get(k), file.apply(k));
        beforeNaming.accept(files);
        ExecResult r = ready == 0 ? new ExecResult(argv, 0, "", "") : namer.apply(ready);
        if (ready == names.size() || !r.ok()) return r;
        return new ExecResult(argv, 1, r.out(), r.err() + errors[ready] + "\nCommand failed -:" + (ready + 1) + "\n");
    }

    /** One holder thread per name, each in a new namespace of its own (or with the reason it is not). */
    static UnnamedNamespaces heldByThreads(List<String> names) {
        UnnamedNamespaces u = new UnnamedNamespaces(names);
        CountDownLatch ready = new CountDownLatch(names.size());
        for (int i = 0; i < names.size(); i++) {
            int k = i;
            u.start(() -> {
                try {
                    u.enter(k);
                    String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // PID/task/TID
                    u.threads[k] = Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
                } catch (IOException | RuntimeException e) {
                    if (u.errors[k] == null) u.errors[k] = u.failure(k, e.getMessage());
                } finally {
                    ready.countDown();
                }
                u.awaitRelease(); // the thread ends with the namespace it is in: it never goes back
            });
        }
        u.await(ready);
        return u;
    }

    /** The names' namespaces made by two makers, one after another, each held by a descriptor. */
    static UnnamedNamespaces heldByFiles(List<String> names) {
        UnnamedNamespaces u = new UnnamedNamespaces(names);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CountDownLatch done = new CountDownLatch(Math.min(MAKERS, names.size()));
        for (int m = 0; m < Math.min(MAKERS, names.size()); m++) {
            u.start(() -> {
                try {
                    for (int k; (k = next.getAndIncrement()) < names.size(); ) u.enter(k);
                } finally {
                    done.countDown();
                }
                // a maker is left in the last namespace it made: it ends here, never running anything else
            });
        }
        u.await(done);
        return u;
    }

    /** On the calling thread: a new namespace for name {@code k}, opened to hold it. */
    private void enter(int k) {
        try {
            LibC.unshare(LibC.CLONE_NEWNET);
            fds[k] = LibC.open("/proc/thread-self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
        } catch (LastErrorException e) {
            errors[k] = failure(k, LibC.strerror(e.getErrorCode()));
        } catch (RuntimeException | LinkageError e) {
            errors[k] = failure(k, e.getMessage());
        }
    }

    private String failure(int k, String why) {
        return "Failed to create a new network namespace \"" + names.get(k) + "\": " + why;
    }

    private void start(Runnable job) {
        Thread t = new Thread(job, "nslab-netns-unnamed");
        t.setDaemon(true);
        holders.add(t);
        t.start();
    }

    private void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while making namespaces");
        }
    }

    private void awaitRelease() {
        try {
            release.await();
        } catch (InterruptedException e) {
            // released all the same
        }
    }

    /** Lets the namespaces go: named ones stay by their names, the others vanish with their descriptors and threads. */
    @Override
    public void close() {
        release.countDown();
        for (Thread t : holders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        for (int fd : fds) {
            if (fd >= 0) LibC.close(fd);
        }
    }
}
