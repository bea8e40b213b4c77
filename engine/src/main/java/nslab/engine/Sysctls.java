package nslab.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nslab.exec.Executor;
import nslab.exec.ExecResult;

/** Reads a root-namespace kernel setting, to give it back when the lab goes. */
final class Sysctls {
    private Sysctls() {}

    static String read(Executor exec, String key) {
        Path p = Path.of("/proc/sys", key.replace('.', '/'));
        if (Files.isRegularFile(p)) {
            String v = readProc(p);
            if (v != null) return v;
        }
        // sysctl knows keys whose parts contain dots
        ExecResult r = exec.run(List.of("sysctl", "-n", key), null);
        return r.ok() ? r.out().trim() : null;
    }

    /**
     * A /proc/sys file in one read: the kernel answers a numeric setting only to a read at offset
     * 0, so reading it piecemeal (as Files.readString does, a byte first) cuts "77" to "7".
     */
    static String readProc(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] b = new byte[8192];
            int n = in.read(b);
            return n < 0 ? "" : new String(b, 0, n, StandardCharsets.UTF_8).trim().replaceAll("\\s+", " ");
        } catch (IOException e) {
            return null;
        }
    }
}
