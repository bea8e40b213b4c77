package nslab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What the live labs together did to the host, beyond any one journal: the value a lab last wrote
 * to each root-namespace sysctl, and the iptables tables a lab brought into being. A lab's
 * journal leaves with the lab, but the host's state stays with the labs still live; the last to
 * leave reads here what the labs before it left behind. Data only, in {@code RUN/host-ledger}:
 * {@code sysctl KEY VALUE} and {@code table NAME} lines, updated under a lock of its own.
 */
final class HostLedger {
    private static final String SYSCTL = "sysctl";
    private static final String TABLE = "table";

    private final Path file;
    private final Path lock;

    HostLedger(Path runDir) {
        this.file = runDir.resolve("host-ledger");
        this.lock = runDir.resolve("host-ledger.lock");
    }

    /** The value a live lab last wrote to {@code key}. */
    Optional<String> lastWritten(String key) {
        return Optional.ofNullable(read().sysctls.get(key));
    }

    void wrote(String key, String value) {
        if (word(key) && value != null && !value.contains("\n")) update(l -> l.sysctls.put(key, value));
    }

    /** The key is the machine's own again: no live lab holds it. */
    void released(String key) {
        update(l -> l.sysctls.remove(key));
    }

    /** The tables labs brought into being that are still there. */
    Set<String> tables() {
        return read().tables;
    }

    void tableMade(String table) {
        if (word(table)) update(l -> l.tables.add(table));
    }

    void tableGone(String table) {
        update(l -> l.tables.remove(table));
    }

    private static boolean word(String s) {
        return s != null && s.matches("[A-Za-z0-9._/-]+");
    }

    private static final class Lines {
        final Map<String, String> sysctls = new LinkedHashMap<>();
        final Set<String> tables = new TreeSet<>();
    }

    private Lines read() {
        Lines l = new Lines();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !trusted(file)) return l;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ", 3);
                if (f.length == 3 && f[0].equals(SYSCTL) && word(f[1])) l.sysctls.put(f[1], f[2]);
                if (f.length == 2 && f[0].equals(TABLE) && word(f[1])) l.tables.add(f[1]);
            }
        } catch (IOException e) {
            // unreadable: as if empty; each lab's journal still holds what it made
        }
        return l;
    }

    /**
     * Written by this user and by no one else: a ledger someone else could write is not read (each
     * lab's journal still holds what it made, and the value it set).
     */
    private static boolean trusted(Path p) {
        try {
            Object owner = Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            Object self = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return owner.equals(self) && (mode & 0022) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void update(Consumer<Lines> change) {
        try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileLock ignored = ch.lock()) {
            Lines l = read();
            change.accept(l);
            List<String> out = new ArrayList<>();
            l.sysctls.forEach((k, v) -> out.add(SYSCTL + " " + k + " " + v));
            l.tables.forEach(t -> out.add(TABLE + " " + t));
            if (out.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".new");
            Files.deleteIfExists(tmp);
            Files.write(tmp, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
