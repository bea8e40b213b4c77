package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads a root-namespace kernel setting, to give it back when the lab goes. */
final class Sysctls {
    private Sysctls() {}

    static String read(Executor exec, String key) {
        Path p = Path.of("/proc/sys", key.replace('.', '/'));
        try {
            if (Files.isRegularFile(p)) return Files.readString(p).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            // fall through to sysctl, which knows keys whose parts contain dots
        }
        ExecResult r = exec.run(List.of("sysctl", "-n", key), null);
        return r.ok() ? r.out().trim() : null;
    }
}
