package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The directory of journals, locks and run logs: made 0700, and never a symbolic link. */
final class RunDir {
    private RunDir() {}

    static void create(Path dir) throws IOException {
        if (Files.isSymbolicLink(dir)) {
            throw new EngineException(dir + " is a symbolic link; nslab keeps its journals only in a real directory");
        }
        if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return;
        Path parent = dir.getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (java.nio.file.FileAlreadyExistsException e) {
            // made meanwhile by another nslab
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------")); // despite the umask
    }
}
