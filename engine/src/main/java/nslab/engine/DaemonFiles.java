package nslab.engine;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * The files of a namespace's FRR instance (configuration, pid files, sockets), in {@code frr/NS}
 * of the run directory (see the planner's {@code FrrPlanner}); removed once the namespace and its
 * processes are gone, by destroy and by a rollback alike. A symbolic link is removed, never followed.
 */
final class DaemonFiles {
    private DaemonFiles() {}

    static Path of(Path runDir, String namespace) {
        return runDir.resolve("frr").resolve(namespace);
    }

    static void remove(Path runDir, Collection<String> namespaces) {
        for (String ns : namespaces) {
            Path dir = of(runDir, ns);
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) continue;
            try {
                Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                        Files.deleteIfExists(d);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                // gone already, or not ours to remove: destroy's end-state check has nothing to add
            }
        }
        try (var left = Files.list(runDir.resolve("frr"))) {
            if (left.findAny().isEmpty()) Files.deleteIfExists(runDir.resolve("frr"));
        } catch (IOException e) {
            // no frr folder, or another lab's instances still in it
        }
    }
}
