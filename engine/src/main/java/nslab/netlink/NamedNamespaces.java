package nslab.netlink;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

/**
 * Named network namespaces exactly as {@code ip netns} keeps them, so that {@code ip netns},
 * {@code ip -n} and {@code ip netns exec} see ours and we see theirs: a namespace is an empty
 * file {@code /run/netns/NAME} with the namespace bind-mounted on it, and {@code /run/netns} is a
 * shared mount so that the bind mounts show in every mount namespace.
 * <p>
 * {@code setns} and {@code unshare(CLONE_NEWNET)} change only the calling thread, so no thread
 * that runs anything else ever changes its namespace: a job inside a namespace runs on a visitor
 * thread of {@link #VISITORS}, which enters the namespace for the job and goes back to the
 * process's own namespace before it takes another; a visitor that cannot go back ends there.
 * Visitors are kept for a moment between jobs because starting a thread for each namespace cost
 * more than the kernel's work in it. New namespaces are made by {@code unshare} on threads of
 * their own (makers), which end with the run of names they made.
 */
public final class NamedNamespaces {
    static final Path DIR = Path.of("/run/netns");
    private static final int DELETERS = 16;

    private NamedNamespaces() {}

    /**
     * The error {@code ip netns add} would report, or null: all names are made, in order, until
     * one fails ({@code made}: how many). Two makers share the names, since the kernel sets up
     * namespaces side by side; when one fails, any later name the other made meanwhile is deleted
     * again, so that what is left is exactly what {@code ip} would have left.
     */
    static String add(List<String> names, int[] made) {
        String prep = prepareDirectory();
        if (prep != null) return prep;
        String[] errors = new String[names.size()];
        boolean[] ok = new boolean[names.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        Callable<Void> maker = () -> {
            for (int k; !failed.get() && (k = next.getAndIncrement()) < names.size(); ) {
                errors[k] = addHere(names.get(k));
                ok[k] = errors[k] == null;
                if (!ok[k]) failed.set(true);
            }
            return null;
        };
        sideBySide(Math.min(MAKERS, names.size()), "nslab-netns-add", maker);
        int first = 0;
        while (first < names.size() && ok[first]) first++;
        made[0] = first;
        for (int k = first + 1; k < names.size(); k++) if (ok[k]) delete(names.get(k));
        return first < names.size() ? errors[first] : null;
    }

    private static final int MAKERS = 2;

    /** Makes one named namespace, on (and for) the calling thread, which has to end afterwards. */
    private static String addHere(String name) {
        return bind(name, () -> LibC.unshare(LibC.CLONE_NEWNET), "/proc/thread-self/ns/net", "/proc/self/ns/net");
    }

    /**
     * Names namespaces that exist already: {@code sources[k]} (a file of the namespace, such as
     * {@code /proc/self/fd/N}) is bound to {@code names[k]}, in order, until one fails
     * ({@code made}: how many were named), as {@code ip netns attach} does for each. The directory
     * is made shared once for the run: made again for each name, as ip does, it walks every
     * namespace mount already under it.
     */
    static String attach(List<String> names, List<String> sources, int[] made) {
        String prep = prepareDirectory();
        if (prep != null) return prep;
        for (int k = 0; k < names.size(); k++) {
            String error = bind(names.get(k), () -> {}, sources.get(k), sources.get(k));
            if (error != null) return error;
            made[0]++;
        }
        return null;
    }

    /** The name's file made, then (after {@code before}) {@code source} bound onto it, as ip does both. */
    private static String bind(String name, Runnable before, String source, String shownSource) {
        String path = DIR.resolve(name).toString();
        try {
            LibC.close(LibC.open(path, LibC.O_RDONLY | LibC.O_CREAT | LibC.O_EXCL, 0));
        } catch (LastErrorException e) {
            return "Cannot create namespace file \"" + path + "\": " + LibC.strerror(e.getErrorCode());
        }
        try {
            before.run();
            LibC.mount(source, path, "none", LibC.MS_BIND, null);
            return null;
        } catch (LastErrorException e) {
            new java.io.File(path).delete();
            return "Bind " + shownSource + " -> " + path + " failed: " + LibC.strerror(e.getErrorCode());
        }
    }

    /** {@code ip netns del NAME}: the bind mount goes (the namespace with it, once unused), then the file. */
    static String delete(String name) {
        String path = DIR.resolve(name).toString();
        try {
            LibC.umount2(path, LibC.MNT_DETACH);
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
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        sideBySide(Math.min(DELETERS, names.size()), "nslab-netns-del", () -> {
            for (int k; (k = next.getAndIncrement()) < errors.length; ) errors[k] = delete(names.get(k));
            return null;
        });
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
        long shared = LibC.MS_SHARED | LibC.MS_REC;
        try {
            LibC.mount("", dir, "none", shared, null);
            return null;
        } catch (LastErrorException e) {
            if (e.getErrorCode() != LibC.EINVAL) return "mount --make-shared " + dir + " failed: " + LibC.strerror(e.getErrorCode());
        }
        try { // not a mount point yet: bind it onto itself, then share it
            LibC.mount(dir, dir, "none", LibC.MS_BIND | LibC.MS_REC, null);
            LibC.mount("", dir, "none", shared, null);
            return null;
        } catch (LastErrorException e) {
            return "mount --make-shared " + dir + " failed: " + LibC.strerror(e.getErrorCode());
        }
    }

    /** An open descriptor of the named namespace (the caller closes it). */
    static int open(String name) {
        return LibC.open(DIR.resolve(name).toString(), LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
    }

    /**
     * Runs {@code job} on a visitor thread that has entered the named namespace. What the job
     * opens there (a netlink socket, /dev/net/tun, a /proc/sys file) stays bound to that namespace.
     */
    static <T> T inside(String name, Callable<T> job) throws LastErrorException {
        int fd = open(name);
        try {
            java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
            VISITORS.execute(() -> {
                try {
                    LibC.setns(fd, LibC.CLONE_NEWNET);
                    result.complete(job.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                } finally {
                    goHome();
                }
            });
            return outcome(result);
        } finally {
            LibC.close(fd);
        }
    }

    /** The namespace nslab was started in: the first thread's, which never enters another. */
    private static final class Home {
        static final int FD = LibC.open("/proc/self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC, 0);
    }

    /** Threads for jobs inside namespaces, started as needed and ended after a second unused. */
    private static final java.util.concurrent.ExecutorService VISITORS = new java.util.concurrent.ThreadPoolExecutor(
            0, Integer.MAX_VALUE, 1, java.util.concurrent.TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>(),
            job -> {
                Thread t = new Thread(job, "nslab-netns");
                t.setDaemon(true);
                return t;
            });

    /** Back to nslab's own namespace; a thread that cannot go there ends (its executor starts another). */
    private static void goHome() {
        try {
            LibC.setns(Home.FD, LibC.CLONE_NEWNET);
        } catch (LastErrorException | LinkageError e) {
            throw new IllegalStateException("a namespace visitor could not go back to nslab's own namespace: "
                    + e.getMessage() + "; it ends here");
        }
    }

    private static <T> T outcome(java.util.concurrent.Future<T> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (ExecutionException e) {
            Throwable f = e.getCause();
            if (f instanceof RuntimeException r) throw r;
            if (f instanceof Error err) throw err;
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs {@code worker} on {@code width} threads of its own at once, and waits for them all;
     * the threads end with it (a maker's thread is left in the last namespace it made).
     */
    private static void sideBySide(int width, String name, Callable<Void> worker) {
        List<java.util.concurrent.FutureTask<Void>> tasks = new java.util.ArrayList<>();
        for (int t = 0; t < width; t++) {
            java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(worker);
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            thread.start();
            tasks.add(task);
        }
        for (java.util.concurrent.FutureTask<Void> task : tasks) outcome(task);
    }
}
