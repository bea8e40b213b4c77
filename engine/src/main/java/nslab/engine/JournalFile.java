package nslab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A journal on disk: appended and synced before the kernel is touched, read whole; never through
 * a symbolic link, and never when it or its directory is not the user's own and private
 * ({@link RunDir#check}).
 */
final class JournalFile {
    private static final Set<OpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS); // O_NOFOLLOW: a symlink planted here is refused

    private final Path path;
    private boolean trusted;

    JournalFile(Path path) {
        this.path = path;
    }

    Path path() { return path; }

    boolean exists() { return Files.exists(path, LinkOption.NOFOLLOW_LINKS); }

    /** The file's bytes after checking it and its directory; null when there is no file. */
    byte[] read() {
        RunDir.check(path.getParent(), true);
        RunDir.check(path, false);
        try (var in = Files.newInputStream(path, LinkOption.NOFOLLOW_LINKS)) {
            byte[] b = in.readAllBytes();
            trusted = true;
            return b;
        } catch (NoSuchFileException e) {
            return null;
        } catch (FileSystemException e) {
            throw new EngineException("cannot read the journal " + path + ": " + reason(e));
        } catch (IOException e) {
            throw new EngineException("cannot read the journal " + path + ": " + e.getMessage());
        }
    }

    /** Appends {@code text} and syncs it; a new file starts with {@code header}. */
    void append(String text, Supplier<String> header) {
        try {
            if (!trusted) {
                RunDir.create(path.getParent());
                RunDir.check(path, false);
                trusted = true;
            }
            boolean fresh = !exists() || Files.size(path) == 0;
            try (FileChannel out = FileChannel.open(path, APPEND,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                String all = fresh ? header.get() + text : text;
                ByteBuffer b = ByteBuffer.wrap(all.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) out.write(b);
                out.force(false); // the intent must be on disk before the kernel is touched
            }
        } catch (FileSystemException e) {
            throw new EngineException("cannot write the journal " + path + ": " + reason(e));
        } catch (IOException e) {
            throw new EngineException("cannot write the journal " + path + ": " + e.getMessage());
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the file (up to 8 KiB), without checks: for listing only. */
    static String firstLine(Path p) {
        try (var in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] first = in.readNBytes(8192);
            int end = 0;
            while (end < first.length && first[end] != '\n') end++;
            return new String(first, 0, end, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static String reason(FileSystemException e) {
        String r = e.getReason();
        if (Files.isSymbolicLink(e.getFile() == null ? Path.of("") : Path.of(e.getFile()))
                || r != null && r.contains("symbolic links")) return "it is a symbolic link, which nslab does not follow";
        return r != null ? r : e.toString();
    }
}
