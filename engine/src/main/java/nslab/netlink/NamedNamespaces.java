package nslab.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.NativeLong;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Named network namespaces exactly as {@code ip netns} keeps them, so that {@code ip netns},
 * {@code ip -n} and {@code ip netns exec} see ours and we see theirs: a namespace is an empty
 * file {@code /run/netns/NAME} with the namespace bind-mounted on it, and {@code /run/netns} is a
 * shared mount so that the bind mounts show in every mount namespace.
 * <p>
 * {@code setns} and {@code unshare(CLONE_NEWNET)} change only the calling thread. Whatever must
 * happen inside a namespace runs on a thread started for it, which ends with the job; no pooled
 * thread ever finds itself in a lab's namespace.
 */
public final class NamedNamespaces {
    static final Path DIR = Path.of("/run/netns");
    private static final int DELETERS = 16;

    private NamedNamespaces() {}

    /** The error {@code ip netns add} would report, or null: all names are made, in order, until one fails. */
    static String add(List<String> names, int[] made) {
        String prep = prepareDirectory();
        if (prep != null) return prep;
        return onOwnThread(() -> {
            for (String name : names) {
                String path = DIR.resolve(name).toString();
                try {
                    LibC.C.close(LibC.C.open(path, LibC.O_RDONLY | LibC.O_CREAT | LibC.O_EXCL, 0));
                } catch (LastErrorException e) {
                    return "Cannot create namespace file \"" + path + "\": " + LibC.C.strerror(e.getErrorCode());
                }
                try {
                    LibC.C.unshare(LibC.CLONE_NEWNET);
                    LibC.C.mount("/proc/thread-self/ns/net", path, "none", new NativeLong(LibC.MS_BIND), null);
                } catch (LastErrorException e) {
                    new java.io.File(path).delete();
                    return "Bind /proc/self/ns/net -> " + path + " failed: " + LibC.C.strerror(e.getErrorCode());
                }
                made[0]++;
            }
            return null;
        });
    }

    /** {@code ip netns del NAME}: the bind mount goes (the namespace with it, once unused), then the file. */
    static String delete(String name) {
        String path = DIR.resolve(name).toString();
        try {
            LibC.C.umount2(path, LibC.MNT_DETACH);
        } catch (LastErrorException e) {
            // not mounted: the file alone is left to remove, as ip does
        }
        try {
            java.nio.file.Files.delete(Path.of(path));
            return null;
        } catch (java.nio.file.NoSuchFileException e) {
            return "Cannot remove namespace file \"" + path + "\": No such file or directory";
        } catch (java.io.IOException e) {
            return "Cannot remove namespace file \"" + path + "\": " + e.getMessage();
        }
    }

    /**
     * {@code ip netns del} of each name, several at a time; the error of each (null: deleted).
     * Unmounting waits for an RCU grace period after releasing the mount lock, so unmounts made
     * side by side share their waits, where one after another each waits its own (about a
     * millisecond on a busy machine, most of what deleting a namespace costs). The threads only
     * unmount and unlink; none enters a namespace.
     */
    static String[] delete(List<String> names) {
        String[] errors = new String[names.size()];
        int width = Math.min(DELETERS, names.size());
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> threads = new java.util.ArrayList<>();
        for (int t = 0; t < width; t++) {
            Thread thread = new Thread(() -> {
                for (int k; (k = next.getAndIncrement()) < errors.length; ) errors[k] = delete(names.get(k));
            }, "nslab-netns-del");
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted");
            }
        }
        return errors;
    }

    /** {@code /run/netns} made a shared mount point, as iproute2 makes it before its first namespace. */
    private static String prepareDirectory() {
        String dir = DIR.toString();
        try {
            java.nio.file.Files.createDirectories(DIR);
        } catch (java.io.IOException e) {
            return "mkdir " + dir + " failed: " + e.getMessage();
        }
        NativeLong shared = new NativeLong(LibC.MS_SHARED | LibC.MS_REC);
        try {
            LibC.C.mount("", dir, "none", shared, null);
            return null;
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINVAL) return "mount --make-shared " + dir + " failed: " + LibC.C.strerror(e.getErrorCode());
        }
        try { // not a mount point yet: bind it onto itself, then share it
            LibC.C.mount(dir, dir, "none", new NativeLong(LibC.MS_BIND | LibC.MS_REC), null);
            LibC.C.mount("", dir, "none", shared, null);
            return null;
        } catch (LastErrorException e) {
            return "mount --make-shared " + dir + " failed: " + LibC.C.strerror(e.getErrorCode());
        }
    }

    /** An open descriptor of the named namespace (the caller closes it). */
    static int open(String name) {
        return LibC.C.open(DIR.resolve(name).toString(), LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
    }

    /**
     * Runs {@code job} on a new thread that has entered the named namespace; the thread ends with
     * the job. What the job opens there (a netlink socket, /dev/net/tun, a /proc/sys file) stays
     * bound to that namespace.
     */
    static <T> T inside(String name, Callable<T> job) throws LastErrorException {
        int fd = open(name);
        try {
            return onOwnThread(() -> {
                LibC.C.setns(fd, LibC.CLONE_NEWNET);
                return job.call();
            });
        } finally {
            LibC.C.close(fd);
        }
    }

    private static <T> T onOwnThread(Callable<T> job) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                result.set(job.call());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "nslab-netns");
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        Throwable f = failure.get();
        if (f instanceof RuntimeException r) throw r;
        if (f instanceof Error err) throw err;
        if (f != null) throw new IllegalStateException(new ExecutionException(f));
        return result.get();
    }
}
