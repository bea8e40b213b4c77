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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.Phase;
import nslab.plan.Step;

/**
 * A lab's journal: what nslab is about to do, written (and synced) before doing it, and what it
 * did, written after. {@code destroy} reads only this, never the script, so it removes what was
 * built even after the script was edited or deleted, or after a crash halfway through an apply.
 * <p>
 * One record a line; fields separated by tabs; in a field, a backslash and every control
 * character are written {@code \xHH} (one rule, so no character can break a line or a field);
 * the last field of every line is the CRC-32 of the rest, so a torn or altered line is seen:
 * <pre>
 * nslab-journal 2 LAB SOURCE                  the header: format, lab, the script's real path (or -)
 * A pid start                                   an apply by this process; its children carry the mark
 * S id phase bg file line CMD UNDO EFFECT       a step is about to run
 * D id | F id | R id                            it took effect | it failed | it was undone
 * U id CMD                                      its undo, known only once it ran (a sysctl's old value)
 * P id pid start                                the process a run step started (start: /proc/PID/stat field 22)
 * I id key value                                an identity: netns = dev:inode, ifindex NAME = n,
 *                                               original = a host sysctl's value before any lab set it
 * N key value | n key value                     a note (an iptables table this lab brought into being,
 *                                               a name file it wrote) | gone
 * </pre>
 * CMD is {@code namespace|- TOOL argc arg...} or {@code -}; EFFECT is
 * {@code kind namespace|- name ncreates (ns dev)... non (ns dev)...}.
 * A step with an S record and nothing else may or may not have taken effect (a crash); it is
 * treated as done when undoing, whose commands tolerate things already gone. A torn last line
 * (a full disk, a crash mid-write) is skipped with a warning; a bad line before the end stops the
 * reading, naming the file and line, unless the journal is read to be forced away.
 */
public final class Journal {
    static final String MAGIC = "nslab-journal";
    static final int VERSION = 2;

    private final Path file;
    private final String lab;
    private String source;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int nextId = 1;
    private final List<String[]> notes = new ArrayList<>();
    private final List<String> appliers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A step as the journal knows it. */
    public static final class Entry {
        public final int id;
        public final Step step;
        Command undo;
        State state = State.STARTED;
        long pid = -1;
        long pidStart = -1;
        final Map<String, String> identity = new LinkedHashMap<>();

        Entry(int id, Step step) {
            this.id = id;
            this.step = step;
            this.undo = step.undo();
        }

        public Command undo() { return undo; }

        public State state() { return state; }

        public long pid() { return pid; }

        public long pidStart() { return pidStart; }

        public Effect effect() { return step.effect(); }

        /** A recorded identity (null: none recorded, e.g. a crash before it was read). */
        public String identity(String key) { return identity.get(key); }

        /** Done, or possibly done: something to undo when the lab goes. */
        public boolean live() {
            return state == State.DONE || state == State.STARTED;
        }
    }

    public enum State { STARTED, DONE, FAILED, REMOVED }

    private Journal(Path file, String lab) {
        this.file = file;
        this.lab = lab;
    }

    /** The journal file of a lab under {@code dir}. */
    public static Path fileOf(Path dir, String lab) {
        return dir.resolve(safe(lab) + ".journal");
    }

    static String safe(String lab) {
        return lab.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** The lab's journal, read from disk if it exists, else a new, empty one (not yet written). */
    public static Journal open(Path dir, String lab) {
        return open(dir, lab, false);
    }

    /**
     * {@code tolerant}: a bad line anywhere is skipped with a warning instead of stopping the
     * reading (for {@code destroy --force}: remove what can still be identified).
     */
    public static Journal open(Path dir, String lab, boolean tolerant) {
        Path f = fileOf(dir, lab);
        Journal j = new Journal(f, lab);
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) j.read(tolerant);
        return j;
    }

    /** The names of the labs that have a journal under {@code dir} (by their headers). */
    public static List<String> labs(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!p.getFileName().toString().endsWith(".journal") || Files.isSymbolicLink(p)) continue;
                String[] h = header(p);
                if (h != null) names.add(h[2]);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real path of the script a lab's journal records (null: none, or no readable header), from
     * its header line alone: finding which live lab a script is need not read whole journals.
     */
    public static String sourceOf(Path dir, String lab) {
        String[] h = header(fileOf(dir, lab));
        if (h == null || h.length < 4 || !h[1].equals(String.valueOf(VERSION)) || !h[2].equals(lab) || h[3].equals("-")) return null;
        return h[3];
    }

    /** The header fields of a journal file, or null when it has none that can be read. */
    private static String[] header(Path p) {
        try (var in = Files.newInputStream(p, LinkOption.NOFOLLOW_LINKS)) {
            byte[] first = in.readNBytes(8192);
            int end = 0;
            while (end < first.length && first[end] != '\n') end++;
            String line = new String(first, 0, end, StandardCharsets.UTF_8);
            String[] f = JournalLines.parse(line);
            if (f == null && line.startsWith(MAGIC + " 1 ")) return new String[] {MAGIC, "1", line.substring(MAGIC.length() + 3), "-"};
            if (f == null || f.length < 4 || !f[0].equals(MAGIC)) return null;
            return f;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public String lab() { return lab; }

    public Path file() { return file; }

    /** The real path of the script the lab was applied from (null: not a file, e.g. the console). */
    public String source() { return source; }

    /** What reading the journal skipped (a torn last line), for the user to see. */
    public List<String> warnings() { return List.copyOf(warnings); }

    public boolean exists() { return Files.exists(file, LinkOption.NOFOLLOW_LINKS); }

    /** Whether the file holds no step at all (empty, header only, or nothing readable). */
    public boolean empty() { return entries.isEmpty(); }

    /** Every step ever journalled, in the order they were first run. */
    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    /** The steps that are (or may be) in effect, in the order they were run. */
    public List<Entry> live() {
        return entries.values().stream().filter(Entry::live).toList();
    }

    /** The namespaces this lab created and has not removed. */
    public List<String> namespaces() {
        List<String> names = new ArrayList<>();
        for (Entry e : live()) if (e.effect().createdNamespace() != null) names.add(e.effect().createdNamespace());
        return names;
    }

    /** The applies that wrote this journal, as {@code pid:start}. */
    List<String> appliers() { return List.copyOf(appliers); }

    /** Records the lab's script (the first time the journal is written). */
    void source(String realPath) {
        if (source == null) source = realPath;
    }

    /** Records that this process is applying (its children carry the same mark). */
    synchronized void applier(String mark) {
        if (appliers.contains(mark)) return;
        appliers.add(mark);
        String[] pidStart = mark.split(":", 2);
        append(JournalLines.line("A", pidStart[0], pidStart[1]));
    }

    /** Records that these steps are about to run, and gives their entries. */
    public synchronized List<Entry> begin(List<Step> steps) {
        List<Entry> made = new ArrayList<>();
        StringBuilder sb = new StringBuilder(steps.size() * 128);
        List<String> f = new ArrayList<>(32); // one list for all: a large lab's first wave has thousands of steps
        for (Step s : steps) {
            Entry e = new Entry(nextId++, s);
            entries.put(e.id, e);
            made.add(e);
            f.clear();
            Collections.addAll(f, "S", String.valueOf(e.id), s.phase().name(), s.background() ? "1" : "0",
                    s.source().file(), String.valueOf(s.source().line()));
            JournalLines.encode(s.command(), f);
            JournalLines.encode(s.undo(), f);
            JournalLines.encode(s.effect(), f);
            JournalLines.append(f, sb);
        }
        append(sb.toString());
        return made;
    }

    public synchronized void mark(List<Entry> done, State state) {
        if (done.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        String tag = switch (state) {
            case DONE -> "D";
            case FAILED -> "F";
            case REMOVED -> "R";
            default -> throw new IllegalArgumentException(state.name());
        };
        for (Entry e : done) {
            e.state = state;
            sb.append(JournalLines.line(tag, String.valueOf(e.id)));
        }
        append(sb.toString());
    }

    public synchronized void setUndo(Entry e, Command undo) {
        e.undo = undo;
        List<String> f = new ArrayList<>(List.of("U", String.valueOf(e.id)));
        JournalLines.encode(undo, f);
        append(JournalLines.line(f.toArray(new String[0])));
    }

    public synchronized void setPid(Entry e, long pid, long start) {
        e.pid = pid;
        e.pidStart = start;
        append(JournalLines.line("P", String.valueOf(e.id), String.valueOf(pid), String.valueOf(start)));
    }

    /** Records identities of what entries made, e.g. {@code netns -> dev:inode}, in one write. */
    public synchronized void identify(Map<Entry, Map<String, String>> identities) {
        if (identities.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        identities.forEach((e, m) -> m.forEach((k, v) -> {
            e.identity.put(k, v);
            sb.append(JournalLines.line("I", String.valueOf(e.id), k, v));
        }));
        append(sb.toString());
    }

    /** Records a fact the undo will need that is not a step (e.g. key "table", value "nat"). */
    public synchronized void note(String key, String value) {
        notes.add(new String[] {key, value});
        append(JournalLines.line("N", key, value));
    }

    public synchronized void unnote(String key, String value) {
        notes.removeIf(n -> n[0].equals(key) && n[1].equals(value));
        append(JournalLines.line("n", key, value));
    }

    /** Notes and takes back several values under a key in one write (many files' notes cost one sync). */
    public synchronized void renote(String key, List<String> added, List<String> removed) {
        if (added.isEmpty() && removed.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (String v : added) {
            notes.add(new String[] {key, v});
            sb.append(JournalLines.line("N", key, v));
        }
        Set<String> gone = new java.util.HashSet<>(removed);
        notes.removeIf(n -> n[0].equals(key) && gone.contains(n[1])); // one pass: a destroy removes thousands
        for (String v : removed) sb.append(JournalLines.line("n", key, v));
        append(sb.toString());
    }

    /** The values noted under a key, in the order noted. */
    public synchronized List<String> notes(String key) {
        return notes.stream().filter(n -> n[0].equals(key)).map(n -> n[1]).toList();
    }

    /** Removes the journal: the lab is gone. */
    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entries.clear();
    }

    private static final Set<StandardOpenOption> APPEND = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.APPEND);

    private void append(String text) {
        try {
            RunDir.create(file.getParent());
            boolean fresh = !Files.exists(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) == 0;
            Set<java.nio.file.OpenOption> options = new java.util.HashSet<>(APPEND);
            options.add(LinkOption.NOFOLLOW_LINKS); // O_NOFOLLOW: a symlink planted here is refused
            try (FileChannel out = FileChannel.open(file, options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                String all = fresh ? JournalLines.line(MAGIC, String.valueOf(VERSION), lab, source == null ? "-" : source) + text : text;
                ByteBuffer b = ByteBuffer.wrap(all.getBytes(StandardCharsets.UTF_8));
                while (b.hasRemaining()) out.write(b);
                out.force(false); // the intent must be on disk before the kernel is touched
            }
        } catch (FileSystemException e) {
            throw new EngineException("cannot write the journal " + file + ": " + reason(e));
        } catch (IOException e) {
            throw new EngineException("cannot write the journal " + file + ": " + e.getMessage());
        }
    }

    private static String reason(FileSystemException e) {
        String r = e.getReason();
        if (Files.isSymbolicLink(e.getFile() == null ? Path.of("") : Path.of(e.getFile()))
                || r != null && r.contains("symbolic links")) return "it is a symbolic link, which nslab does not follow";
        return r != null ? r : e.toString();
    }

    private void read(boolean tolerant) {
        byte[] bytes;
        try (var in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return;
        } catch (FileSystemException e) {
            throw new EngineException("cannot read the journal " + file + ": " + reason(e));
        } catch (IOException e) {
            throw new EngineException("cannot read the journal " + file + ": " + e.getMessage());
        }
        List<int[]> lines = new ArrayList<>(); // where each line starts and ends: most are parsed from the bytes
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        boolean tornTail = start < bytes.length;
        if (tornTail) {
            warnings.add(file + ":" + (lines.size() + 1) + ": an unfinished last record (a crash or a full disk"
                    + " while it was written) was skipped");
        }
        if (lines.isEmpty()) return;
        String[] h = JournalLines.parse(bytes, lines.get(0)[0], lines.get(0)[1]);
        if (h == null || h.length < 3 || !h[0].equals(MAGIC)) {
            if (new String(bytes, 0, lines.get(0)[1], StandardCharsets.UTF_8).startsWith(MAGIC + " 1 ")) {
                if (tolerant) {
                    readFormat1Namespaces(lines.stream().map(l -> new String(bytes, l[0], l[1] - l[0], StandardCharsets.UTF_8)).toList());
                    return;
                }
                throw new EngineException(file + ":1: this journal was written by an older nslab (format 1), which"
                        + " this one does not read; 'nslab destroy --force " + lab + "' removes the namespaces it names");
            }
            if (!tolerant) throw new EngineException(file + ":1: not an nslab journal (no valid header line)");
            warnings.add(file + ":1: no valid header line");
        } else if (!h[1].equals(String.valueOf(VERSION))) {
            throw new EngineException(file + ":1: journal format " + h[1] + ", this nslab reads format " + VERSION);
        } else if (!h[2].equals(lab)) {
            throw new EngineException(file + ":1: this is the journal of lab '" + h[2] + "', not of '" + lab
                    + "' (two lab names that map to one file name)");
        } else {
            source = h.length > 3 && !h[3].equals("-") ? h[3] : null;
        }
        for (int n = 1; n < lines.size(); n++) {
            try {
                apply(JournalLines.parse(bytes, lines.get(n)[0], lines.get(n)[1]));
            } catch (RuntimeException e) {
                boolean last = n == lines.size() - 1 && !tornTail;
                String where = file + ":" + (n + 1) + ": ";
                if (last) {
                    warnings.add(where + "an unreadable last record (a crash while it was written) was skipped");
                } else if (tolerant) {
                    warnings.add(where + "an unreadable record was skipped (" + e.getMessage() + ")");
                } else {
                    throw new EngineException(where + "a record nslab cannot read (" + e.getMessage() + "); nothing was"
                            + " changed. 'nslab destroy --force " + lab + "' removes what the rest of the journal"
                            + " still identifies");
                }
            }
        }
    }

    /**
     * From a format-1 journal (no effects, no checksums), for {@code destroy --force}: only the
     * namespaces it created ({@code S id ... - IP 3 netns add NAME}) and whether they were removed.
     */
    private void readFormat1Namespaces(List<String> lines) {
        warnings.add(file + ": a format-1 journal; only the namespaces it names are removed");
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            try {
                int id = Integer.parseInt(f[1]);
                if (f[0].equals("S") && f.length >= 12 && f[6].equals("-") && f[7].equals("IP") && f[8].equals("3")
                        && f[9].equals("netns") && f[10].equals("add")) {
                    Step s = new Step(Phase.NAMESPACES, Command.ip(null, "netns", "add", f[11]),
                            Command.ip(null, "netns", "del", f[11]), new Source(f[4], 0), "", false, Effect.namespace(f[11]));
                    entries.put(id, new Entry(id, s));
                } else if (entries.containsKey(id)) {
                    if (f[0].equals("R") || f[0].equals("F")) entries.get(id).state = State.REMOVED;
                }
            } catch (RuntimeException e) {
                // not a record this reading needs
            }
        }
    }

    /** One record, already checked; throws when it does not make sense. */
    private void apply(String[] f) {
        if (f == null) throw new IllegalArgumentException("its checksum does not match");
        switch (f[0]) {
            case "N" -> { need(f, 3); notes.add(new String[] {f[1], f[2]}); return; }
            case "n" -> { need(f, 3); notes.removeIf(x -> x[0].equals(f[1]) && x[1].equals(f[2])); return; }
            case "A" -> { need(f, 3); appliers.add(f[1] + ":" + f[2]); return; }
            case "S" -> {
                int id = Integer.parseInt(f[1]);
                int[] at = {6};
                Command cmd = JournalLines.decodeCommand(f, at);
                Command undo = JournalLines.decodeCommand(f, at);
                Effect effect = JournalLines.decodeEffect(f, at);
                if (cmd == null || at[0] != f.length) throw new IllegalArgumentException("a malformed step");
                Step s = new Step(Phase.valueOf(f[2]), cmd, undo, new Source(f[4], Integer.parseInt(f[5])),
                        "", f[3].equals("1"), effect);
                entries.put(id, new Entry(id, s));
                nextId = Math.max(nextId, id + 1);
                return;
            }
            default -> { }
        }
        need(f, 2);
        Entry e = entries.get(Integer.parseInt(f[1]));
        if (e == null) throw new IllegalArgumentException("step " + f[1] + " was never started");
        switch (f[0]) {
            case "D" -> e.state = State.DONE;
            case "F" -> e.state = State.FAILED;
            case "R" -> e.state = State.REMOVED;
            case "U" -> e.undo = JournalLines.decodeCommand(f, new int[] {2});
            case "P" -> { need(f, 4); e.pid = Long.parseLong(f[2]); e.pidStart = Long.parseLong(f[3]); }
            case "I" -> { need(f, 4); e.identity.put(f[2], f[3]); }
            default -> throw new IllegalArgumentException("an unknown record '" + f[0] + "'");
        }
    }

    private static void need(String[] f, int n) {
        if (f.length < n) throw new IllegalArgumentException("too few fields");
    }

}
