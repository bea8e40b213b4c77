package nslab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The programs an apply had started when it was killed (kill -9): an {@code ip -batch} goes on
 * creating after its parent died. Each child carries {@code NSLAB_APPLY=pid:start} of the apply
 * that ran it; destroy waits for those of the lab's dead applies to end (or ends them) before it
 * removes anything, so that nothing is created after it returns.
 */
final class Strays {
    static final String MARK = "NSLAB_APPLY";
    private static final long WAIT_MS = 5000;

    private Strays() {}

    /** Waits for (then kills) the children of the given applies; returns how many there were. */
    static int settle(List<String> appliers) {
        List<String> marks = new ArrayList<>();
        String self = Identities.self();
        for (String a : appliers) if (!a.equals(self)) marks.add(MARK + "=" + a);
        if (marks.isEmpty()) return 0;
        List<ProcessHandle> found = find(marks);
        NamespaceProcesses.awaitOrKill(found, WAIT_MS);
        return found.size();
    }

    private static List<ProcessHandle> find(List<String> marks) {
        List<ProcessHandle> out = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path p : proc) {
                try {
                    String env = new String(Files.readAllBytes(p.resolve("environ")), StandardCharsets.UTF_8);
                    for (String var : env.split("\0")) {
                        if (marks.contains(var)) {
                            Optional<ProcessHandle> h = ProcessHandle.of(Long.parseLong(p.getFileName().toString()));
                            h.ifPresent(out::add);
                            break;
                        }
                    }
                } catch (IOException | RuntimeException e) {
                    // exited, or not ours to read
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
