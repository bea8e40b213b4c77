package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.exec.ExecResult;
import nslab.exec.Executor;

/**
 * What makes a kernel object the one nslab made, not merely one with the same name: a named
 * namespace's nsfs device, inode and its change time, a host interface's ifindex, a process's start time
 * (field 22 of {@code /proc/PID/stat}, so that a reused PID is not taken for ours).
 */
final class Identities {
    static final String NETNS = "netns";
    static final String IFINDEX = "ifindex ";

    private Identities() {}

    /**
     * {@code dev:inode:ctime} of the namespace mounted at {@code /run/netns/NAME}, or null when there
     * is none. The kernel hands a freed namespace's inode number to the next namespace made, so the
     * nsfs inode's change time (set when the namespace was first named) tells the two apart.
     * <p>
     * Read as basic attributes, whose file key is the device and inode, and whose modification
     * time is the change time: nsfs sets both at once and never changes either. (The "unix" view
     * that names them costs ten times as much, and a destroy reads one per namespace.)
     */
    static String namespace(Path netnsDir, String name) {
        return namespace(netnsDir.resolve(name), LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * The same identity of a namespace not named yet, by its {@code /proc/TID/ns/net} (a link,
     * followed) while something holds it open: the name bound to it later shows the same inode.
     */
    static String unnamedNamespace(Path nsLink) {
        return namespace(nsLink);
    }

    private static String namespace(Path file, LinkOption... options) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, options);
            java.util.regex.Matcher key = FILE_KEY.matcher(String.valueOf(a.fileKey()));
            if (key.matches()) {
                return Long.parseLong(key.group(1), 16) + ":" + key.group(2) + ":"
                        + a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
            }
            return namespaceByUnixView(file, options); // a Java whose file key reads otherwise
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** How the JDK writes a file key: the device in hex, the inode in decimal. */
    private static final java.util.regex.Pattern FILE_KEY = java.util.regex.Pattern.compile("\\(dev=([0-9a-f]+),ino=([0-9]+)\\)");

    static String namespaceByUnixView(Path file, LinkOption... options) {
        try {
            Map<String, Object> a = Files.readAttributes(file, "unix:dev,ino,ctime", options);
            java.nio.file.attribute.FileTime ctime = (java.nio.file.attribute.FileTime) a.get("ctime");
            return a.get("dev") + ":" + a.get("ino") + ":" + ctime.to(java.util.concurrent.TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A process's start time in clock ticks since boot, or -1 when it does not exist. */
    static long startTime(long pid) {
        return ProcStat.field(String.valueOf(pid), 22);
    }

    /** Whether {@code pid} is still the process that started at {@code start}. */
    static boolean sameProcess(long pid, long start) {
        return pid > 0 && start > 0 && startTime(pid) == start;
    }

    /** This process as {@code pid:start}, the mark its children carry. */
    static String self() {
        long pid = ProcessHandle.current().pid();
        return pid + ":" + startTime(pid);
    }

    /** The root namespace's interfaces by name, with their ifindex (one {@code ip -o link show}). */
    static Map<String, String> hostLinks(Executor exec) {
        Map<String, String> out = new LinkedHashMap<>();
        ExecResult r = exec.run(List.of("ip", "-o", "link", "show"), null);
        if (!r.ok()) return out;
        for (String line : r.out().split("\n")) {
            String[] f = line.split(": ", 3);
            if (f.length < 2) continue;
            String name = f[1].trim();
            int at = name.indexOf('@');
            out.put(at >= 0 ? name.substring(0, at) : name, f[0].trim());
        }
        return out;
    }

    /**
     * Whether {@code /run/netns/NAME} is an empty file with nothing mounted on it (on the same
     * device as its directory): what {@code ip netns del} leaves for a moment between its unmount
     * and its unlink, and a killed one for good. No namespace at all.
     */
    static boolean unmountedFile(Path netnsDir, String name) {
        try {
            BasicFileAttributes f = Files.readAttributes(netnsDir.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes d = Files.readAttributes(netnsDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            java.util.regex.Matcher fk = FILE_KEY.matcher(String.valueOf(f.fileKey()));
            java.util.regex.Matcher dk = FILE_KEY.matcher(String.valueOf(d.fileKey()));
            return f.isRegularFile() && f.size() == 0 && fk.matches() && dk.matches() && fk.group(1).equals(dk.group(1));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
