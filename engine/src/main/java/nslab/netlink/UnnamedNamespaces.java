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
 * New network namespaces made before they are named: each is entered ({@code unshare}) by a
 * thread of its own, which holds it, and an open file of it keeps its nsfs inode, so that what
 * names it afterwards ({@code ip netns attach NAME TID}, which binds {@code /proc/TID/ns/net})
 * names this very namespace, with the device, inode and change time read from
 * {@code /proc/TID/ns/net} before. The engine records that identity before the name exists: a
 * kill -9 can then never leave a named namespace whose identity nslab does not know.
 */
public final class UnnamedNamespaces implements AutoCloseable {
    private final List<String> names;
    private final long[] threads;
    private final String[] errors;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> holders = new ArrayList<>();

    private UnnamedNamespaces(List<String> names) {
        this.names = List.copyOf(names);
        this.threads = new long[names.size()];
        this.errors = new String[names.size()];
    }

    /**
     * Makes the namespaces of an {@code ip -batch} of {@code netns add NAME} lines ({@code stdin})
     * unnamed, hands their files to {@code beforeNaming} (name to {@code /proc/TID/ns/net}), then
     * names them by running the same batch as {@code netns attach NAME TID} lines through
     * {@code run}. It answers as the batch of {@code netns add} lines would have: a namespace that
     * could not be made fails on its own line, after the ones before it were named. Null when this
     * process cannot make namespaces itself (no JNA here): the caller runs the batch as it is.
     */
    public static ExecResult addNamed(List<String> argv, String stdin, Consumer<Map<String, Path>> beforeNaming,
                                      BiFunction<List<String>, String, ExecResult> run) {
        List<String> names = new ArrayList<>();
        for (String line : stdin.split("\n")) {
            if (line.isBlank()) continue;
            String[] w = line.trim().split("\\s+");
            if (w.length != 3 || !w[0].equals("netns") || !w[1].equals("add")) return run.apply(argv, stdin);
            names.add(w[2]);
        }
        try {
            LibC.strerror(0);
        } catch (LinkageError e) {
            return null;
        }
        try (UnnamedNamespaces held = make(names)) {
            int ready = 0;
            while (ready < names.size() && held.errors[ready] == null) ready++;
            Map<String, Path> files = new LinkedHashMap<>();
            StringBuilder attach = new StringBuilder();
            for (int i = 0; i < ready; i++) {
                files.put(names.get(i), held.file(i));
                attach.append("netns attach ").append(names.get(i)).append(' ').append(held.threads[i]).append('\n');
            }
            beforeNaming.accept(files);
            ExecResult r = ready == 0 ? new ExecResult(argv, 0, "", "") : run.apply(argv, attach.toString());
            if (ready == names.size() || !r.ok()) return r;
            return new ExecResult(argv, 1, r.out(), r.err() + held.errors[ready] + "\nCommand failed -:" + (ready + 1) + "\n");
        }
    }

    /** One holder thread per name, each in a new namespace of its own (or with the reason it is not). */
    static UnnamedNamespaces make(List<String> names) {
        UnnamedNamespaces u = new UnnamedNamespaces(names);
        CountDownLatch ready = new CountDownLatch(names.size());
        for (int i = 0; i < names.size(); i++) {
            int k = i;
            Thread t = new Thread(() -> u.hold(k, ready), "nslab-netns-unnamed");
            t.setDaemon(true);
            u.holders.add(t);
            t.start();
        }
        try {
            ready.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            u.close();
            throw new IllegalStateException("interrupted while making namespaces");
        }
        return u;
    }

    /** On its own thread: a new namespace, held until {@link #close}; the thread then ends (it never goes back). */
    private void hold(int k, CountDownLatch ready) {
        int fd = -1;
        try {
            LibC.unshare(LibC.CLONE_NEWNET);
            fd = LibC.open("/proc/thread-self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
            String self = Files.readSymbolicLink(Path.of("/proc/thread-self")).toString(); // PID/task/TID
            threads[k] = Long.parseLong(self.substring(self.lastIndexOf('/') + 1));
        } catch (LastErrorException e) {
            errors[k] = "Failed to create a new network namespace \"" + names.get(k) + "\": " + LibC.strerror(e.getErrorCode());
        } catch (IOException | RuntimeException | LinkageError e) {
            errors[k] = "Failed to create a new network namespace \"" + names.get(k) + "\": " + e.getMessage();
        } finally {
            ready.countDown();
        }
        try {
            release.await();
        } catch (InterruptedException e) {
            // released all the same
        } finally {
            if (fd >= 0) LibC.close(fd);
        }
    }

    /** The file of namespace {@code k} while it is held: the one its name will be bound to. */
    Path file(int k) {
        return Path.of("/proc/" + threads[k] + "/ns/net");
    }

    /** Lets the holders go: named namespaces stay by their names, the others vanish with their threads. */
    @Override
    public void close() {
        release.countDown();
        for (Thread t : holders) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
