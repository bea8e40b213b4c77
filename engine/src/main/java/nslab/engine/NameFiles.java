package nslab.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab's names where every program in its namespaces looks for them: {@code /etc/netns/NS/hosts},
 * which {@code ip netns exec NS} mounts over {@code /etc/hosts}, so that {@code ping server} works in a
 * shell, a {@code run} command or {@code exec} of the lab, not only in the console's own lines.
 * <p>
 * Written while an apply runs its steps, on a thread of its own, done before the first process
 * the lab starts (not a plan step: it is no kernel state, and no command of the printed plan);
 * removed while the {@link Undoer} deletes the namespaces. What was written is
 * journalled as notes before the write: {@link JournalNote.NameFile} (the namespace, and the
 * content's length and checksum, {@link #hash}) and {@link JournalNote.NameDir} (a directory nslab
 * is about to make). A file is removed only while it still holds what
 * nslab wrote, and a directory only if nslab made it and it is empty: a hosts file someone else
 * wrote, or edited since, is left alone and said so.
 * <p>
 * Inside a sandbox the machine's /etc must not be written: there, files are written only when the
 * sandbox has mounted /etc or /etc/netns of its own (the launcher and the tests do).
 */
final class NameFiles {
    /** Writes nothing (tests with made-up executors, a sandbox without an /etc of its own). */
    static final NameFiles NONE = new NameFiles(null);

    private final Path dir;
    /** Told where the time goes. */
    private final Progress.Listener timing;

    NameFiles(Path dir) {
        this(dir, Progress.Listener.NONE);
    }

    NameFiles(Path dir, Progress.Listener timing) {
        this.dir = dir;
        this.timing = timing;
    }

    /** {@code /etc/netns}, unless this is a sandbox whose /etc is the machine's own. */
    static NameFiles onThisMachine(boolean inSandbox, Progress.Listener timing) {
        boolean sandbox = inSandbox || inUserNamespace();
        return sandbox && !hasOwnEtc() ? NONE : new NameFiles(Path.of("/etc/netns"), timing);
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
        report(syncFiles(journal, lab), say);
    }

    /**
     * {@link #sync} on a thread of its own, while the apply's steps change the kernel: the files are
     * plain writes that no step needs, only the processes a lab starts (their waves wait for the
     * returned step, which waits for the files and reports like {@code sync}; it may run twice).
     */
    Runnable syncAside(Journal journal, Lab lab, Consumer<String> say) {
        if (dir == null) return () -> {};
        return aside(() -> syncFiles(journal, lab), say);
    }

    private List<String> syncFiles(Journal journal, Lab lab) {
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        Set<String> coming = new LinkedHashSet<>();
        Map<String, byte[]> writes = new LinkedHashMap<>(); // namespace -> its new content
        Map<String, String> hashes = new HashMap<>();
        List<JournalNote> newDirs = new ArrayList<>();
        Map<String, List<String>> ours = ourHashes(journal);
        Names names = new Names(lab);
        for (Namespace n : lab.created()) {
            if (!n.declared()) continue;
            coming.add(n.name());
            try {
                byte[] content = names.seenFrom(n.name());
                String hash = hash(content);
                hashes.put(n.name(), hash);
                if (needsWrite(ours.getOrDefault(n.name(), List.of()), n.name(), hash, problems)) {
                    if (!Files.isDirectory(dir.resolve(n.name()), LinkOption.NOFOLLOW_LINKS)) newDirs.add(new JournalNote.NameDir(n.name()));
                    writes.put(n.name(), content);
                }
            } catch (IOException | RuntimeException e) {
                problems.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        List<JournalNote> added = new ArrayList<>(newDirs);
        List<JournalNote> old = new ArrayList<>();
        writes.forEach((ns, content) -> {
            String hash = hashes.get(ns);
            added.add(new JournalNote.NameFile(ns, hash));
            for (String h : ours.getOrDefault(ns, List.of())) if (!h.equals(hash)) old.add(new JournalNote.NameFile(ns, h));
        });
        // before the directories and files are made: a crash leaves a note, never an unknown file
        journal.renote(added, List.of());
        List<JournalNote> notMade = new ArrayList<>();
        for (JournalNote d : newDirs) {
            String ns = ((JournalNote.NameDir) d).namespace();
            try {
                if (!Files.isDirectory(dir)) Files.createDirectories(dir);
                Files.createDirectory(dir.resolve(ns));
            } catch (IOException | RuntimeException e) {
                notMade.add(d); // someone else's (made meanwhile), or not made at all: not nslab's to remove
            }
        }
        writes.forEach((ns, content) -> {
            try {
                // in place, not by a rename: a shell already in the namespace has the file's inode
                // mounted over its /etc/hosts, and sees the new names only so
                Files.write(hostsOf(ns), content);
            } catch (IOException | RuntimeException e) {
                problems.add(hostsOf(ns) + ": " + e.getMessage());
            }
        });
        old.addAll(notMade);
        journal.renote(List.of(), old);
        removeGone(journal, coming, problems);
        timing.timed("name files: " + writes.size() + " of " + coming.size() + " written", System.nanoTime() - t0);
        return problems;
    }

    /** Removes the files (and directories nslab made) of namespaces the journal no longer has live. */
    void removeGone(Journal journal, Consumer<String> say) {
        if (dir == null) return;
        long t0 = System.nanoTime();
        List<String> problems = new ArrayList<>();
        removeGone(journal, new LinkedHashSet<>(journal.namespaces()), problems);
        report(problems, say);
        timing.timed("name files removed", System.nanoTime() - t0);
    }

    /**
     * Removes, on a thread of its own, the files of namespaces about to be deleted, while the
     * kernel deletes them: plain files, which that work does not need. The returned step waits for
     * it and reports like {@link #removeGone(Journal, Consumer)}.
     */
    Runnable removeAside(Journal journal, Set<String> going, Consumer<String> say) {
        if (dir == null || going.isEmpty()) return () -> {};
        Set<String> staying = new LinkedHashSet<>(journal.namespaces());
        staying.removeAll(going);
        return aside(() -> {
            long t0 = System.nanoTime();
            List<String> problems = new ArrayList<>();
            removeGone(journal, staying, problems);
            timing.timed("name files removed", System.nanoTime() - t0);
            return problems;
        }, say);
    }

    /** Work on a thread of its own; the returned step waits for it and reports its problems, once. */
    private static Runnable aside(Supplier<List<String>> work, Consumer<String> say) {
        CompletableFuture<List<String>> running = CompletableFuture.supplyAsync(work, r -> {
            Thread t = new Thread(r, "nslab-name-files");
            t.setDaemon(true);
            t.start();
        });
        AtomicBoolean reported = new AtomicBoolean();
        return () -> {
            List<String> problems;
            try {
                problems = running.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                throw e;
            }
            if (!reported.getAndSet(true)) report(problems, say);
        };
    }

    private void removeGone(Journal journal, Set<String> live, List<String> problems) {
        List<JournalNote> gone = new ArrayList<>();
        Map<String, List<String>> ours = ourHashes(journal);
        for (JournalNote.NameFile note : journal.notes(JournalNote.NameFile.class)) {
            String ns = note.namespace();
            if (live.contains(ns)) continue;
            Path file = hostsOf(ns);
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    List<String> mine = ours.getOrDefault(ns, List.of());
                    String length = a.size() + "-";
                    // a length nslab never wrote there is someone else's content: no need to read it
                    String now = mine.stream().anyMatch(h -> h.startsWith(length)) ? hash(Files.readAllBytes(file)) : null;
                    // empty: made (or cut for a rewrite) by nslab and killed before it wrote, or emptied by
                    // someone; either way no one's content is lost
                    if (note.hash().equals(now) || a.size() == 0) {
                        Files.delete(file);
                    } else if (!mine.contains(now)) {
                        problems.add(file + " was changed since nslab wrote it: left alone");
                    }
                }
            } catch (NoSuchFileException e) {
                // gone already
            } catch (IOException | RuntimeException e) {
                problems.add(file + ": " + e.getMessage());
            }
            gone.add(note);
        }
        for (JournalNote.NameDir note : journal.notes(JournalNote.NameDir.class)) {
            if (live.contains(note.namespace())) continue;
            Path nsDir = dir.resolve(note.namespace());
            try {
                // only an empty directory goes (rmdir): one holding a file of someone else's stays
                if (Files.readAttributes(nsDir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                    Files.delete(nsDir);
                }
            } catch (IOException | RuntimeException e) {
                // gone already, or not empty: either way not ours to remove
            }
            gone.add(note);
        }
        journal.renote(List.of(), gone);
    }

    /** Whether the namespace's file must be written: it is missing, or nslab's and different; someone else's is left alone. */
    private boolean needsWrite(List<String> ours, String ns, String hash, List<String> problems) throws IOException {
        Path file = hostsOf(ns);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) return true;
        // unchanged since nslab wrote it last (as far as the journal knows): no need to read it
        if (!ours.isEmpty() && ours.get(ours.size() - 1).equals(hash)) return false;
        String now = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? hash(Files.readAllBytes(file)) : "";
        if (!ours.contains(now)) {
            problems.add(file + " is not nslab's (someone else wrote it): left alone");
            return false;
        }
        return !now.equals(hash);
    }

    /** Each namespace's contents nslab wrote to its file, oldest first, as the journal's notes say. */
    private static Map<String, List<String>> ourHashes(Journal journal) {
        Map<String, List<String>> out = new HashMap<>();
        for (JournalNote.NameFile note : journal.notes(JournalNote.NameFile.class)) {
            out.computeIfAbsent(note.namespace(), k -> new ArrayList<>()).add(note.hash());
        }
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
        return new String(new Names(lab).seenFrom(viewer), StandardCharsets.UTF_8);
    }

    /**
     * The lab's names and subnets, worked out once for all the files of one sync. Every file lists
     * every name, so a lab of N namespaces writes N * N lines: the namespaces' usual lines are made
     * once, as one block, and a viewer's file copies runs of that block, with its own line only for
     * each namespace it shares a subnet with.
     */
    static final class Names {
        private final Lab lab;
        /** The declared namespaces in the lab's order. */
        private final List<String> order = new ArrayList<>();
        /** Every declared namespace's usual line, one after another; line i starts at {@code starts[i]}. */
        private final byte[] block;
        private final int[] starts;
        /** Each namespace's IPv4 addresses with their subnets ("10.0.1.0/24"), in its own order. */
        private final Map<String, List<String[]>> subnets = new HashMap<>();
        /**
         * Each subnet's members that are named by another address elsewhere: namespace position in
         * {@link #order}, and that namespace's address there, when it is not its first IPv4.
         */
        private final Map<String, List<Member>> members = new HashMap<>();

        private record Member(int position, int rank, String address) {}

        Names(Lab lab) {
            this.lab = lab;
            ByteArrayOutputStream usual = new ByteArrayOutputStream();
            List<Integer> at = new ArrayList<>();
            for (Namespace n : lab.namespaces()) {
                List<String[]> mine = new ArrayList<>();
                for (Address a : n.addresses()) {
                    if (a.valid() && !a.v6()) mine.add(new String[] {a.prefix().addressText(), a.prefix().networkText()});
                }
                subnets.put(n.name(), mine);
                if (!n.declared()) continue;
                int position = order.size();
                order.add(n.name());
                at.add(usual.size());
                n.firstAddress().ifPresent(a -> usual.writeBytes(line(a.prefix().addressText(), n.name())));
                for (int rank = 1; rank < mine.size(); rank++) {
                    members.computeIfAbsent(mine.get(rank)[1], k -> new ArrayList<>()).add(new Member(position, rank, mine.get(rank)[0]));
                }
            }
            at.add(usual.size());
            block = usual.toByteArray();
            starts = at.stream().mapToInt(Integer::intValue).toArray();
        }

        byte[] seenFrom(String viewer) {
            // a namespace on a subnet the viewer is on is named by its first address there: another
            // line than its usual one only when that is not its first IPv4
            Set<String> mySubnets = new HashSet<>();
            for (String[] a : subnets.getOrDefault(viewer, List.of())) mySubnets.add(a[1]);
            Map<Integer, Member> near = new TreeMap<>();
            for (String subnet : mySubnets) {
                for (Member m : members.getOrDefault(subnet, List.of())) {
                    if (!sharesEarlier(m, mySubnets)) near.merge(m.position(), m, (x, y) -> x.rank() <= y.rank() ? x : y);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(block.length + 256);
            out.writeBytes(("# the names of lab '" + lab.name() + "' as namespace " + viewer
                    + " sees them (ip netns exec mounts this over /etc/hosts); written and removed by nslab\n"
                    + "127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n").getBytes(StandardCharsets.UTF_8));
            int from = 0;
            for (Member m : near.values()) {
                out.write(block, starts[from], starts[m.position()] - starts[from]);
                out.writeBytes(line(m.address(), order.get(m.position())));
                from = m.position() + 1;
            }
            out.write(block, starts[from], block.length - starts[from]);
            return out.toByteArray();
        }

        /** Whether the viewer also shares one of the member's earlier subnets, which then names it. */
        private boolean sharesEarlier(Member m, Set<String> viewerSubnets) {
            List<String[]> theirs = subnets.get(order.get(m.position()));
            for (int rank = 0; rank < m.rank(); rank++) if (viewerSubnets.contains(theirs.get(rank)[1])) return true;
            return false;
        }

        private static byte[] line(String address, String name) {
            return (address + '\t' + name + '\n').getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void report(List<String> problems, Consumer<String> say) {
        if (problems.isEmpty() || say == null) return;
        say.accept("name files (/etc/netns/NS/hosts): " + problems.get(0)
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    }

    /** What identifies a content nslab wrote: its length and CRC-32C (a check that it is unchanged, not a secret). */
    static String hash(byte[] b) {
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b);
        return b.length + "-" + Long.toHexString(crc.getValue());
    }
}
