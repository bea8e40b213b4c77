package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * The directory of journals, locks and run logs, and every journal in it: made 0700, and trusted
 * only when it is the user's own, not writable by group or others, and no symbolic link. A journal
 * says what destroy removes, so one that someone else could have written is not read at all.
 */
final class RunDir {
    private RunDir() {}

    /** Makes the directory, or checks the one there ({@link #check}). */
    static void create(Path dir) throws IOException {
        if (exists(dir)) {
            check(dir, true);
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            check(dir, true); // made meanwhile, by another nslab or someone else
            return;
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // despite the umask
    }

    private static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Throws {@link EngineException} unless {@code p} is a real directory ({@code directory}) or
     * regular file owned by the user running nslab and not writable by group or others. A path
     * that does not exist passes (there is nothing to trust yet).
     */
    static void check(Path p, boolean directory) {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(p, "unix:uid,mode", LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | RuntimeException e) {
            throw new EngineException("cannot check " + p + ": " + e.getMessage() + "; nothing was changed");
        }
        String what = directory ? "the run directory " + p : "the journal " + p;
        String fix = directory ? "Make it your own and private (chown " + euid() + " " + p + "; chmod 700 " + p
                + ") or point NSLAB_RUN_DIR at a directory of your own"
                : "Remove it if you did not write it, or make it your own and private (chmod 600 " + p + ")";
        int mode = (Integer) a.get("mode");
        int type = mode & 0170000;
        if (type == 0120000) {
            throw refused(what + " is a symbolic link, which nslab does not follow", fix);
        }
        if (type != (directory ? 0040000 : 0100000)) {
            throw refused(what + " is not a " + (directory ? "directory" : "regular file"), fix);
        }
        int uid = (Integer) a.get("uid");
        if (uid != euid()) {
            throw refused(what + " is owned by uid " + uid + ", not by the user running nslab (uid " + euid() + ")", fix);
        }
        if ((mode & 022) != 0) {
            throw refused(what + " can be written by " + ((mode & 022) == 022 ? "its group and others" : (mode & 020) != 0 ? "its group" : "others")
                    + " (mode " + String.format("%04o", mode & 07777) + ")", fix);
        }
    }

    private static EngineException refused(String what, String fix) {
        return new EngineException(what + "; nslab trusts a journal only where nobody else can write it, so it"
                + " read and ran nothing. " + fix);
    }

    private static int euid = -1;

    /** The effective uid of this process, from /proc/self/status (Java has no call for it). */
    static synchronized int euid() {
        if (euid < 0) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("Uid:")) euid = Integer.parseInt(line.split("\\s+")[2]);
                }
            } catch (IOException | RuntimeException e) {
                euid = Integer.MAX_VALUE; // unknown: nothing is trusted
            }
        }
        return euid;
    }
}
