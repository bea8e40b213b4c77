package nslab.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab's names where every program in its namespaces looks for them: {@code /etc/netns/NS/hosts},
 * which {@code ip netns exec NS} mounts over {@code /etc/hosts}, so that {@code ping server} works in a
 * shell, a {@code run} command or {@code exec} of the lab, not only in the console's own lines.
 * <p>
 * Written when an apply starts its steps (not a plan step: it is no kernel state, and no command
 * of the printed plan); removed when the namespace goes, by the {@link Undoer}. What was written is
 * journalled as notes, before the write: {@code names-file "NS HASH"} (the content's length and checksum, {@link #hash}) and
 * {@code names-dir NS} (a directory nslab made). A file is removed only while it still holds what
 * nslab wrote, and a directory only if nslab made it and it is empty: a hosts file someone else
 * wrote, or edited since, is left alone and said so.
 * <p>
 * Inside a sandbox the machine's /etc must not be written: there, files are written only when the
 * sandbox has mounted /etc or /etc/netns of its own (the launcher and the tests do).
 */
final class NameFiles {
    static final String FILE_NOTE = "names-file";
    static final String DIR_NOTE = "names-dir";

    /** Writes nothing (tests with made-up executors, a sandbox without an /etc of its own). */
    static final NameFiles NONE = new NameFiles(null);

    private final Path dir;

    NameFiles(Path dir) {
        this.dir = dir;
    }

    /** {@code /etc/netns}, unless this is a sandbox whose /etc is the machine's own. */
    static NameFiles onThisMachine() {
        boolean sandbox = "1".equals(System.getenv("NSLAB_IN_SANDBOX")) || inUserNamespace();
        return sandbox && !hasOwnEtc() ? NONE : new NameFiles(Path.of("/etc/netns"));
    }

    /**
     * Whether this process is in a user namespace other than the machine's (whose uid map is the
     * whole range): a sandbox, even one started without telling (its root may be the machine's root).
     */
    static boolean inUserNamespace() {
        try {
            String map = Files.readString(Path.of("/proc/self/uid_map")).trim().replaceAll("\\s+", " ");
            return !map.equals("0 0 4294967295");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** Whether /etc or /etc/netns is a mount point of this mount namespace (the sandbox's tmpfs or overlay). */
    static boolean hasOwnEtc() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                String[] f = line.split(" ");
                if (f.length > 4 && (f[4].equals("/etc") || f[4].equals("/etc/netns"))) return true;
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    /**
     * Writes (or brings up to date) the file of every namespace {@code lab} creates, before its
     * steps run, so that its {@code run} commands find the names from their first moment; removes
     * the files of namespaces it no longer has. A rollback removes those of namespaces that did not
     * come ({@link #removeGone}). {@code say} gets one line for what was left alone or not written.
     * The journal is written twice however many files change: their notes before, the old ones after.
     */
    void sync(Journal journal, Lab lab, Consumer<String> say) {
        if (dir == null) return;
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Set<String> coming = new LinkedHashSet<>();
        Map<String, String> writes = new LinkedHashMap<>(); // namespace -> its new content
        List<String> newDirs = new ArrayList<>();
        Names names = new Names(lab);
        for (Namespace n : lab.created()) {
            if (!n.declared()) continue;
            coming.add(n.name());
            try {
                String content = names.seenFrom(n.name());
                if (needsWrite(journal, n.name(), content, problems)) {
                    if (madeDirectory(n.name())) newDirs.add(n.name());
                    writes.put(n.name(), content);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        journal.renote(DIR_NOTE, newDirs, List.of());
        List<String> added = new ArrayList<>();
        List<String> old = new ArrayList<>();
        writes.forEach((ns, content) -> {
            String hash = hash(content);
            added.add(ns + " " + hash);
            for (String h : ourHashes(journal, ns)) if (!h.equals(hash)) old.add(ns + " " + h);
        });
        journal.renote(FILE_NOTE, added, List.of()); // before the writes: a crash leaves a note, never an unknown file
        writes.forEach((ns, content) -> {
            try {
                // in place, not by a rename: a shell already in the namespace has the file's inode
                // mounted over its /etc/hosts, and sees the new names only so
                Files.writeString(hostsOf(ns), content);
            } catch (IOException | RuntimeException e) {
                problems.add(hostsOf(ns) + ": " + e.getMessage());
            }
        });
        journal.renote(FILE_NOTE, List.of(), old);
        removeGone(journal, coming, problems);
        report(problems, say);
        Timing.note("name files: " + writes.size() + " of " + coming.size() + " written", t0, System.nanoTime());
    }

    /** Removes the files (and directories nslab made) of namespaces the journal no longer has live. */
    void removeGone(Journal journal, Consumer<String> say) {
        if (dir == null) return;
        List<String> problems = new ArrayList<>();
        removeGone(journal, new LinkedHashSet<>(journal.namespaces()), problems);
        report(problems, say);
    }

    private void removeGone(Journal journal, Set<String> live, List<String> problems) {
        List<String> gone = new ArrayList<>();
        for (String note : journal.notes(FILE_NOTE)) {
            String ns = note.substring(0, note.indexOf(' '));
            if (live.contains(ns)) continue;
            Path file = hostsOf(ns);
            try {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    String now = hash(Files.readString(file));
                    if (now.equals(note.substring(note.indexOf(' ') + 1))) {
                        Files.delete(file);
                    } else if (!ourHashes(journal, ns).contains(now)) {
                        problems.add(file + " was changed since nslab wrote it: left alone");
                    }
                }
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
            gone.add(note);
        }
        journal.renote(FILE_NOTE, List.of(), gone);
        List<String> dirs = new ArrayList<>();
        for (String ns : journal.notes(DIR_NOTE)) {
            if (live.contains(ns)) continue;
            try (var entries = Files.list(dir.resolve(ns))) {
                if (entries.findAny().isEmpty()) Files.delete(dir.resolve(ns));
            } catch (IOException | RuntimeException e) {
                // gone already, or holds a file of someone else's: either way not ours to remove
            }
            dirs.add(ns);
        }
        journal.renote(DIR_NOTE, List.of(), dirs);
    }

    /** Whether the namespace's file must be written: it is missing, or nslab's and different; someone else's is left alone. */
    private boolean needsWrite(Journal journal, String ns, String content, List<String> problems) throws IOException {
        Path file = hostsOf(ns);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return true;
        List<String> ours = ourHashes(journal, ns);
        // unchanged since nslab wrote it last (as far as the journal knows): no need to read it
        if (!ours.isEmpty() && ours.get(ours.size() - 1).equals(hash(content))) return false;
        String now = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? hash(Files.readString(file)) : "";
        if (!ours.contains(now)) {
            problems.add(file + " is not nslab's (someone else wrote it): left alone");
            return false;
        }
        return !now.equals(hash(content));
    }

    /** Makes the namespace's directory if it is missing; whether it did. */
    private boolean madeDirectory(String ns) throws IOException {
        Path nsDir = dir.resolve(ns);
        if (Files.isDirectory(nsDir, LinkOption.NOFOLLOW_LINKS)) return false;
        if (!Files.isDirectory(dir)) Files.createDirectories(dir);
        Files.createDirectory(nsDir);
        return true;
    }

    private static List<String> ourHashes(Journal journal, String ns) {
        List<String> out = new ArrayList<>();
        for (String note : journal.notes(FILE_NOTE)) if (note.startsWith(ns + " ")) out.add(note.substring(ns.length() + 1));
        return out;
    }

    Path hostsOf(String ns) {
        return dir.resolve(ns).resolve("hosts");
    }

    /**
     * The hosts file namespace {@code viewer} sees: localhost, then every namespace of the lab
     * with an address, by the address on a subnet the viewer shares with it (a router's name means
     * its address on the viewer's side), else its first IPv4, else its first address.
     */
    static String content(Lab lab, String viewer) {
        return new Names(lab).seenFrom(viewer);
    }

    /** The lab's names and subnets, worked out once for all the files of one sync. */
    static final class Names {
        private final Lab lab;
        /** Each namespace's IPv4 addresses with their subnets ("10.0.1.0/24"). */
        private final Map<String, List<String[]>> subnets = new LinkedHashMap<>();

        Names(Lab lab) {
            this.lab = lab;
            for (Namespace n : lab.namespaces()) {
                List<String[]> mine = new ArrayList<>();
                for (Address a : n.addresses()) {
                    if (a.valid() && !a.v6()) mine.add(new String[] {a.prefix().addressText(), a.prefix().networkText()});
                }
                subnets.put(n.name(), mine);
            }
        }

        String seenFrom(String viewer) {
            Set<String> near = new java.util.HashSet<>();
            for (String[] a : subnets.getOrDefault(viewer, List.of())) near.add(a[1]);
            StringBuilder sb = new StringBuilder();
            sb.append("# the names of lab '").append(lab.name()).append("' as namespace ").append(viewer)
                    .append(" sees them (ip netns exec mounts this over /etc/hosts); written and removed by nslab\n");
            sb.append("127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n");
            for (Namespace n : lab.namespaces()) {
                if (!n.declared()) continue;
                String address = null;
                for (String[] a : subnets.get(n.name())) {
                    if (near.contains(a[1])) {
                        address = a[0];
                        break;
                    }
                }
                if (address == null) address = n.firstAddress().map(a -> a.prefix().addressText()).orElse(null);
                if (address != null) sb.append(address).append('\t').append(n.name()).append('\n');
            }
            return sb.toString();
        }
    }

    private static void report(List<String> problems, Consumer<String> say) {
        if (problems.isEmpty() || say == null) return;
        say.accept("name files (/etc/netns/NS/hosts): " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }

    /** What identifies a content nslab wrote: its length and CRC-32C (a check that it is unchanged, not a secret). */
    static String hash(String content) {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b);
        return b.length + "-" + Long.toHexString(crc.getValue());
    }
}
