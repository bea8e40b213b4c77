package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A numeric field of {@code /proc/PID/stat}, numbered as proc(5) numbers them. The second field,
 * the command name in parentheses, may itself hold spaces and parentheses, so the fields from the
 * third on are counted from the last closing parenthesis.
 */
public final class ProcStat {
    private ProcStat() {}

    /** Field {@code number} (3 or more) of {@code /proc/PROCESS/stat} ({@code process}: a PID or "self"); -1 when unreadable. */
    public static long field(String process, int number) {
        try {
            String stat = Files.readString(Path.of("/proc", process, "stat"));
            String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(after[number - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
