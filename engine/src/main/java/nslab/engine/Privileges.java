package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether this process may change the network: root, or root inside its own user namespace. */
public final class Privileges {
    private Privileges() {}

    /** The effective user id, from /proc/self/status (Java has no getuid). */
    public static int effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) return Integer.parseInt(line.split("\\s+")[2]);
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: assume the worst and let the commands speak
        }
        return -1;
    }

    public static boolean isRoot() {
        return effectiveUid() == 0;
    }

    /** The message for a person who is not root: --sandbox is the way. */
    public static String notRootMessage(String command) {
        return "nslab " + command + " changes the network and needs root (effective uid " + effectiveUid()
                + "). Run it as root, or add --sandbox to build the lab in a private user + network"
                + " namespace, which needs no root and vanishes when the command ends: ./nslab --sandbox "
                + command + " LAB.groovy";
    }
}
