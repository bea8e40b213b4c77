package nslab.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and stops the processes living in named namespaces. A namespace with a process in it
 * outlives {@code ip netns del} (which only unmounts its name), so destroy stops them first.
 * Done by reading /proc here, like {@code ip netns pids} but one scan for all namespaces
 * instead of one process per namespace.
 */
final class NamespaceProcesses {
    private final Path netnsDir;

    NamespaceProcesses(Path netnsDir) {
        this.netnsDir = netnsDir;
    }

    NamespaceProcesses() {
        this(Path.of("/run/netns"));
    }

    /** The ids of processes whose network namespace is one of {@code names}. */
    List<Long> pids(Set<String> names) {
        Set<Object> inodes = new HashSet<>();
        for (String n : names) {
            try {
                inodes.add(Files.getAttribute(netnsDir.resolve(n), "unix:ino"));
            } catch (IOException | RuntimeException e) {
                // gone already
            }
        }
        List<Long> pids = new ArrayList<>();
        if (inodes.isEmpty()) return pids;
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : proc) {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid == self) continue;
                try {
                    Object ino = Files.getAttribute(p.resolve("ns/net"), "unix:ino");
                    if (inodes.contains(ino)) pids.add(pid);
                } catch (IOException | RuntimeException e) {
                    // exited meanwhile, or not ours to see
                }
            }
        } catch (IOException e) {
            return pids;
        }
        return pids;
    }

    /** Asks the processes to stop, then kills those still there after a moment. */
    static void stop(List<Long> pids) {
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : pids) {
            Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isPresent() && h.get().isAlive()) {
                h.get().descendants().forEach(ProcessHandle::destroy);
                h.get().destroy();
                handles.add(h.get());
            }
        }
        awaitOrKill(handles, 2000);
    }

    /** Waits up to {@code millis} for the processes to end, then kills those still there (SIGKILL). */
    static void awaitOrKill(List<ProcessHandle> handles, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        for (ProcessHandle h : handles) {
            while (h.isAlive() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (h.isAlive()) h.destroyForcibly(); // SIGKILL: it never runs another instruction
        }
    }
}
