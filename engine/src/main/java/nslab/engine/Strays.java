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
    /** In a {@code run} process's environment: {@code pid:start:id} of the apply and the step that started it. */
    static final String RUN_MARK = "NSLAB_RUN";
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

    /** The mark a {@code run} step's process carries, written in its environment before it starts. */
    static String runMark(Journal.Entry e) {
        return Identities.self() + ":" + e.id;
    }

    /**
     * The processes of {@code run} steps whose PID was never recorded (nslab died between starting
     * one and recording it), found by the mark each carries from its first moment.
     */
    static List<Long> unrecordedRuns(List<String> appliers, List<Journal.Entry> entries) {
        List<String> marks = new ArrayList<>();
        for (Journal.Entry e : entries) {
            if (e.pid() > 0 || !(e.made() instanceof Made.Process)) continue;
            for (String a : appliers) marks.add(RUN_MARK + "=" + a + ":" + e.id);
        }
        if (marks.isEmpty()) return List.of();
        return find(marks).stream().map(ProcessHandle::pid).toList();
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
