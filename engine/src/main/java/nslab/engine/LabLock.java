package nslab.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * One apply or destroy of a lab at a time: a lock on {@code LAB.lock} beside the journal, held
 * until the operation ends (the kernel drops it when the process dies, even by kill -9). A second
 * one waits a bounded time ({@link EngineSettings#lockWait}: {@code $NSLAB_LOCK_WAIT} seconds, 10 by default), then stops naming the
 * holder. The file stays (removing a lock file others may be waiting on would split the lock);
 * it holds the holder's PID and what it does. {@code host.lock} guards the host sysctls labs share.
 */
final class LabLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private LabLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static LabLock lab(Path runDir, String lab, String doing, java.time.Duration wait) {
        return acquire(runDir.resolve(Journal.safe(lab) + ".lock"), "lab " + lab, doing, wait);
    }

    static LabLock host(Path runDir, String doing, java.time.Duration wait) {
        return acquire(runDir.resolve("host.lock"), "the host's settings", doing, wait);
    }

    private static LabLock acquire(Path file, String what, String doing, java.time.Duration wait) {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        try {
            RunDir.create(file.getParent());
            FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            while (true) {
                FileLock l;
                try {
                    l = ch.tryLock();
                } catch (OverlappingFileLockException e) {
                    l = null; // held by this very process (another thread)
                }
                if (l != null) {
                    ch.truncate(0);
                    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + " " + doing + "\n")
                            .getBytes(StandardCharsets.UTF_8)), 0);
                    return new LabLock(ch, l);
                }
                if (System.currentTimeMillis() >= deadline) {
                    String holder = Files.readString(file).trim();
                    ch.close();
                    String[] f = holder.split(" ", 2);
                    throw new EngineException(what + " is being " + (f.length > 1 ? f[1] : "changed") + " by process "
                            + (f[0].isEmpty() ? "(unknown)" : f[0]) + "; nothing was changed. Try again when it has"
                            + " finished (waited " + wait.toSeconds() + "s; $NSLAB_LOCK_WAIT sets how long)");
                }
                Thread.sleep(50);
            }
        } catch (IOException e) {
            throw new EngineException("cannot lock " + file + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EngineException("interrupted while waiting for " + what);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the lock goes with the file descriptor anyway
        }
    }
}
