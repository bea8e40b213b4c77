package nslab.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.Operation;
import nslab.plan.Phase;
import nslab.plan.Step;

/**
 * A lab's journal, as state: the steps it ran and what each made, their states, identities and
 * notes. {@code destroy} reads only this, never the script, so it removes what was built even
 * after the script was edited or deleted, or after a crash halfway through an apply.
 * <p>
 * What is about to be made is written (and synced) before it is made, its identity once it is
 * made; undos are worked out from what was made ({@link Made}), never read. The records are
 * {@link JournalRecord}s, laid out by {@link JournalCodec} in lines of {@link JournalLines}, in a
 * {@link JournalFile}. A torn last line (a full disk, a crash mid-write) is skipped with a warning;
 * a bad line before the end stops the reading, naming the file and line, unless the journal is
 * read to be forced away. The format is described in docs/reference.md.
 */
public final class Journal {
    static final String MAGIC = JournalCodec.MAGIC;
    static final int VERSION = JournalCodec.VERSION;

    private final JournalFile file;
    private final String lab;
    private String source;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int nextId = 1;
    private final List<JournalNote> notes = new ArrayList<>();
    private final List<String> appliers = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** A step as the journal knows it. */
    public static final class Entry {
        public final int id;
        public final Step step;
        final Made made;
        State state = State.STARTED;
        String oldValue;
        long pid = -1;
        long pidStart = -1;
        final Map<String, String> identity = new LinkedHashMap<>();

        Entry(int id, Step step, Made made) {
            this.id = id;
            this.made = made;
            this.step = step;
        }

        /** What the step made. */
        Made made() { return made; }

        /** The operation that takes back what the step made, worked out from it (null: none needed). */
        public Operation undo() { return made.undo(oldValue); }

        public State state() { return state; }

        public long pid() { return pid; }

        public long pidStart() { return pidStart; }

        public Effect effect() { return step.effect(); }

        /** A recorded identity (null: none recorded, e.g. a crash before it was read). */
        public String identity(String key) { return identity.get(key); }

        /** Done, possibly done, or being removed: something to undo when the lab goes. */
        public boolean live() {
            return state == State.DONE || state == State.STARTED || state == State.REMOVING;
        }
    }

    /** STARTED: about to run (a crash may have left it done or not); REMOVING: its removal has begun. */
    public enum State { STARTED, DONE, FAILED, REMOVING, REMOVED }

    private Journal(Path file, String lab) {
        this.file = new JournalFile(file);
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
     * reading, and an older format is read for its namespaces alone (for {@code destroy --force}:
     * remove what can still be identified).
     */
    public static Journal open(Path dir, String lab, boolean tolerant) {
        Journal j = new Journal(fileOf(dir, lab), lab);
        byte[] bytes = j.file.read();
        if (bytes != null) j.read(bytes, tolerant);
        return j;
    }

    /**
     * The labs that have a journal under {@code dir}: by their headers, or by the file's name when
     * the header cannot be read (so that the damage is shown, not the lab hidden).
     */
    public static List<String> labs(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (!name.endsWith(".journal") || Files.isSymbolicLink(p)) continue;
                String h = labOf(JournalFile.firstLine(p));
                names.add(h != null && fileOf(dir, h).equals(p) ? h : name.substring(0, name.length() - ".journal".length()));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lab a header line names, in any format (null: no header). */
    private static String labOf(String line) {
        if (line == null) return null;
        if (line.startsWith(MAGIC + " 1 ")) return line.substring(MAGIC.length() + 3);
        JournalRecord.Header h = JournalCodec.header(JournalLines.parse(line));
        return h == null ? null : h.lab();
    }

    /**
     * The real path of the script a lab's journal records (null: none, or no readable header), from
     * its header line alone: finding which live lab a script is need not read whole journals.
     */
    public static String sourceOf(Path dir, String lab) {
        String line = JournalFile.firstLine(fileOf(dir, lab));
        JournalRecord.Header h = line == null ? null : JournalCodec.header(JournalLines.parse(line));
        if (h == null || h.version() != VERSION || !h.lab().equals(lab)) return null;
        return h.source();
    }

    public String lab() { return lab; }

    public Path file() { return file.path(); }

    /** The real path of the script the lab was applied from (null: not a file, e.g. the console). */
    public String source() { return source; }

    /** What reading the journal skipped (a torn last line), for the user to see. */
    public List<String> warnings() { return List.copyOf(warnings); }

    public boolean exists() { return file.exists(); }

    /** Whether the file holds no step and no note at all (empty, header only, or nothing readable). */
    public boolean empty() { return entries.isEmpty() && notes.isEmpty(); }

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
        write(List.of(new JournalRecord.Applier(Long.parseLong(pidStart[0]), Long.parseLong(pidStart[1]))));
    }

    /** Records that these steps are about to run, with what each will make, and gives their entries. */
    public synchronized List<Entry> begin(List<Step> steps) {
        List<Entry> made = new ArrayList<>(steps.size());
        List<JournalRecord> records = new ArrayList<>(steps.size() + 1);
        java.time.Instant now = java.time.Instant.now();
        long time = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        records.add(new JournalRecord.Time(time));
        for (Step s : steps) {
            Entry e = new Entry(nextId++, s, Made.of(s));
            entries.put(e.id, e);
            made.add(e);
            records.add(new JournalRecord.Intent(e.id, s.phase(), s.background(), s.source(), s.command(), s.effect(), e.made));
        }
        write(records);
        return made;
    }

    public synchronized void mark(List<Entry> done, State state) {
        markIdentified(done, state, Map.of());
    }

    /**
     * Marks entries and records the identities of what they made, in one write (one sync): what a
     * batch made is known as soon as it ran, not after its whole wave.
     */
    synchronized void markIdentified(List<Entry> done, State state, Map<Entry, Map<String, String>> identities) {
        if (done.isEmpty() && identities.isEmpty()) return;
        List<JournalRecord> records = new ArrayList<>();
        for (Entry e : done) {
            e.state = state;
            records.add(new JournalRecord.Mark(e.id, state));
        }
        identities.forEach((e, m) -> m.forEach((k, v) -> {
            e.identity.put(k, v);
            records.add(new JournalRecord.Identity(e.id, k, v));
        }));
        write(records);
    }

    /** Records the value a sysctl step replaces, read just before it is set: its undo. */
    public synchronized void setOldValue(Entry e, String value) {
        e.oldValue = value;
        write(List.of(new JournalRecord.OldValue(e.id, value)));
    }

    public synchronized void setPid(Entry e, long pid, long start) {
        e.pid = pid;
        e.pidStart = start;
        write(List.of(new JournalRecord.Pid(e.id, pid, start)));
    }

    /** Records identities of what entries made, e.g. {@code netns -> dev:inode}, in one write. */
    public synchronized void identify(Map<Entry, Map<String, String>> identities) {
        markIdentified(List.of(), State.DONE, identities);
    }

    /** Records a fact the undo will need that is not a step (e.g. a table the lab brings into being). */
    synchronized void note(JournalNote n) {
        renote(List.of(n), List.of());
    }

    synchronized void unnote(JournalNote n) {
        renote(List.of(), List.of(n));
    }

    /** Notes and takes back several facts in one write (many files' notes cost one sync). */
    synchronized void renote(List<? extends JournalNote> added, List<? extends JournalNote> removed) {
        if (added.isEmpty() && removed.isEmpty()) return;
        List<JournalRecord> records = new ArrayList<>();
        for (JournalNote n : added) {
            notes.add(n);
            records.add(new JournalRecord.Noted(n, true));
        }
        Set<JournalNote> gone = new HashSet<>(removed);
        notes.removeIf(gone::contains); // one pass: a destroy removes thousands
        for (JournalNote n : removed) records.add(new JournalRecord.Noted(n, false));
        write(records);
    }

    /** The notes of one kind, in the order noted. */
    synchronized <T extends JournalNote> List<T> notes(Class<T> kind) {
        return notes.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Removes the journal: the lab is gone. */
    public void delete() {
        file.delete();
        entries.clear();
    }

    private void write(List<JournalRecord> records) {
        StringBuilder sb = new StringBuilder(records.size() * 128);
        for (JournalRecord r : records) JournalCodec.write(r, sb);
        file.append(sb.toString(), () -> {
            StringBuilder h = new StringBuilder();
            JournalCodec.write(new JournalRecord.Header(VERSION, lab, source), h);
            return h.toString();
        });
    }

    private void read(byte[] bytes, boolean tolerant) {
        Path path = file.path();
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
            warnings.add(path + ":" + (lines.size() + 1) + ": an unfinished last record (a crash or a full disk"
                    + " while it was written) was skipped");
        }
        if (lines.isEmpty()) return;
        String[] first = JournalLines.parse(bytes, lines.get(0)[0], lines.get(0)[1]);
        JournalRecord.Header h = JournalCodec.header(first);
        String firstText = new String(bytes, 0, lines.get(0)[1], StandardCharsets.UTF_8);
        int old = firstText.startsWith(MAGIC + " 1 ") ? 1 : h != null && h.version() < VERSION ? h.version() : 0;
        if (old > 0) {
            if (!tolerant) {
                throw new EngineException(path + ":1: this journal was written by an older nslab (format " + old
                        + "), whose records hold commands to run; this nslab never runs a journal's text, so nothing was"
                        + " changed. 'nslab destroy --force " + lab + "' removes the namespaces it names that are"
                        + " provably the ones it made, and the journal");
            }
            OldJournals.readNamespaces(path, old, lines.stream()
                    .map(l -> new String(bytes, l[0], l[1] - l[0], StandardCharsets.UTF_8)).toList(), this);
            return;
        }
        if (h == null) {
            if (!tolerant) throw new EngineException(path + ":1: not an nslab journal (no valid header line)");
            warnings.add(path + ":1: no valid header line");
        } else if (h.version() != VERSION) {
            throw new EngineException(path + ":1: journal format " + h.version() + ", this nslab reads format " + VERSION);
        } else if (!h.lab().equals(lab)) {
            throw new EngineException(path + ":1: this is the journal of lab '" + h.lab() + "', not of '" + lab
                    + "' (two lab names that map to one file name)");
        } else {
            source = h.source();
        }
        for (int n = 1; n < lines.size(); n++) {
            try {
                apply(JournalCodec.read(JournalLines.parse(bytes, lines.get(n)[0], lines.get(n)[1])));
            } catch (RuntimeException e) {
                boolean last = n == lines.size() - 1 && !tornTail;
                String where = path + ":" + (n + 1) + ": ";
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

    /** An entry read back from an older format: a namespace, and its identity when one was recorded. */
    void addOld(int id, String namespace, Source source, State state, String netnsIdentity) {
        Made made = Made.check(new Made.Namespace(namespace));
        Step s = new Step(Phase.NAMESPACES, new Operation.AddNamespace(namespace), made.undo(null), source, "",
                false, Effect.namespace(namespace));
        Entry e = new Entry(id, s, made);
        e.state = state;
        if (netnsIdentity != null) e.identity.put(Identities.NETNS, netnsIdentity);
        entries.put(id, e);
    }

    void warn(String warning) {
        warnings.add(warning);
    }

    /** One record, already checked; throws when it does not make sense here. */
    private void apply(JournalRecord r) {
        if (r instanceof JournalRecord.Noted n) {
            if (n.added()) notes.add(n.note());
            else notes.remove(n.note());
        } else if (r instanceof JournalRecord.Applier a) {
            appliers.add(a.pid() + ":" + a.start());
        } else if (r instanceof JournalRecord.Intent s) {
            Made.agrees(s.made(), s.command(), s.effect());
            Step step = new Step(s.phase(), new Operation.Verbatim(s.command()), s.made().undo(null), s.source(), "",
                    s.background(), s.effect());
            Entry e = new Entry(s.id(), step, s.made());
            entries.put(s.id(), e);
            nextId = Math.max(nextId, s.id() + 1);
        } else if (r instanceof JournalRecord.Time) {
            // when the intents were written: for a person reading the journal, nothing to act on
        } else if (r instanceof JournalRecord.Mark m) {
            entry(m.id()).state = m.state();
        } else if (r instanceof JournalRecord.OldValue o) {
            Entry e = entry(o.id());
            if (!(e.made instanceof Made.Sysctl)) throw new IllegalArgumentException("an old value of a step that is no sysctl");
            e.oldValue = o.value();
        } else if (r instanceof JournalRecord.Pid p) {
            Entry e = entry(p.id());
            e.pid = p.pid();
            e.pidStart = p.start();
        } else if (r instanceof JournalRecord.Identity i) {
            entry(i.id()).identity.put(i.key(), i.value());
        } else {
            throw new IllegalArgumentException("a second header");
        }
    }

    private Entry entry(int id) {
        Entry e = entries.get(id);
        if (e == null) throw new IllegalArgumentException("step " + id + " was never started");
        return e;
    }
}
