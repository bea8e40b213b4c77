package nslab.engine;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Phase;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * A lab's journal: what nslab is about to do, written (and synced) before doing it, and what it
 * did, written after. {@code destroy} reads only this, never the script, so it removes what was
 * built even after the script was edited or deleted, or after a crash halfway through an apply.
 * <p>
 * One record a line, fields separated by tabs (tab, newline and backslash escaped):
 * <pre>
 * nslab-journal 1 LAB
 * S id phase background file line CMD UNDO   a step is about to run
 * D id                                         it took effect
 * F id                                         it failed: nothing to undo
 * U id CMD                                     its undo, known only once it ran (a sysctl's old value)
 * P id pid                                     the process a run step started
 * R id                                         it was undone
 * N key value                                  a note, e.g. an iptables table this lab brought into being
 * n key value                                  the note no longer holds
 * </pre>
 * CMD is {@code namespace|- TOOL argc arg...}; UNDO is the same or {@code -}.
 * A step with an S record and nothing else may or may not have taken effect (a crash); it is
 * treated as done when undoing, whose commands tolerate things already gone.
 */
public final class Journal {
    private static final String MAGIC = "nslab-journal";

    private final Path file;
    private final String lab;
    private final Map<Integer, Entry> entries = new LinkedHashMap<>();
    private int nextId = 1;
    private final List<String[]> notes = new ArrayList<>();

    /** A step as the journal knows it. */
    public static final class Entry {
        public final int id;
        public final Step step;
        Command undo;
        State state = State.STARTED;
        long pid = -1;

        Entry(int id, Step step) {
            this.id = id;
            this.step = step;
            this.undo = step.undo();
        }

        public Command undo() { return undo; }

        public State state() { return state; }

        public long pid() { return pid; }

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
        Path f = fileOf(dir, lab);
        Journal j = new Journal(f, lab);
        if (Files.exists(f)) j.read();
        return j;
    }

    /** The names of the labs that have a journal under {@code dir}. */
    public static List<String> labs(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                if (!p.getFileName().toString().endsWith(".journal")) continue;
                String first = Files.lines(p, StandardCharsets.UTF_8).findFirst().orElse("");
                String[] f = first.split(" ", 3);
                if (f.length == 3 && f[0].equals(MAGIC)) names.add(f[2]);
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String lab() { return lab; }

    public Path file() { return file; }

    public boolean exists() { return Files.exists(file); }

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
        for (Entry e : live()) {
            List<String> a = e.step.command().args();
            if (e.step.command().tool() == Tool.IP && e.step.command().namespace() == null && a.size() == 3
                    && a.get(0).equals("netns") && a.get(1).equals("add")) names.add(a.get(2));
        }
        return names;
    }

    /** Records that these steps are about to run, and gives their entries. */
    public synchronized List<Entry> begin(List<Step> steps) {
        List<Entry> made = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            Entry e = new Entry(nextId++, s);
            entries.put(e.id, e);
            made.add(e);
            sb.append(fields("S", String.valueOf(e.id), s.phase().name(), s.background() ? "1" : "0",
                    s.source().file(), String.valueOf(s.source().line()))).append('\t')
                    .append(encode(s.command())).append('\t').append(encode(s.undo())).append('\n');
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
            sb.append(tag).append('\t').append(e.id).append('\n');
        }
        append(sb.toString());
    }

    public synchronized void setUndo(Entry e, Command undo) {
        e.undo = undo;
        append("U\t" + e.id + "\t" + encode(undo) + "\n");
    }

    public synchronized void setPid(Entry e, long pid) {
        e.pid = pid;
        append("P\t" + e.id + "\t" + pid + "\n");
    }

    /** Records a fact the undo will need that is not a step (e.g. key "table", value "nat"). */
    public synchronized void note(String key, String value) {
        notes.add(new String[] {key, value});
        append(fields("N", key, value) + "\n");
    }

    public synchronized void unnote(String key, String value) {
        notes.removeIf(n -> n[0].equals(key) && n[1].equals(value));
        append(fields("n", key, value) + "\n");
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

    private void append(String text) {
        try {
            Files.createDirectories(file.getParent());
            boolean fresh = !Files.exists(file);
            try (FileOutputStream out = new FileOutputStream(file.toFile(), true)) {
                if (fresh) out.write((MAGIC + " 1 " + lab + "\n").getBytes(StandardCharsets.UTF_8));
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.getFD().sync(); // the intent must be on disk before the kernel is touched
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the journal " + file, e);
        }
    }

    private void read() {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isEmpty()) continue;
            String[] f = split(line);
            if (f[0].equals("N")) { notes.add(new String[] {f[1], f[2]}); continue; }
            if (f[0].equals("n")) { notes.removeIf(x -> x[0].equals(f[1]) && x[1].equals(f[2])); continue; }
            int id = Integer.parseInt(f[1]);
            switch (f[0]) {
                case "S" -> {
                    int[] at = {6};
                    Command cmd = decode(f, at);
                    Command undo = decode(f, at);
                    Step s = new Step(Phase.valueOf(f[2]), cmd, undo, new Source(f[4], Integer.parseInt(f[5])),
                            "", f[3].equals("1"));
                    entries.put(id, new Entry(id, s));
                    nextId = Math.max(nextId, id + 1);
                }
                case "D" -> entries.get(id).state = State.DONE;
                case "F" -> entries.get(id).state = State.FAILED;
                case "R" -> entries.get(id).state = State.REMOVED;
                case "U" -> entries.get(id).undo = decode(f, new int[] {2});
                case "P" -> entries.get(id).pid = Long.parseLong(f[2]);
                default -> { } // a record of a later version: ignore
            }
        }
    }

    static String encode(Command c) {
        if (c == null) return "-";
        List<String> f = new ArrayList<>();
        f.add(c.namespace() == null ? "-" : "=" + c.namespace());
        f.add(c.tool().name());
        f.add(String.valueOf(c.args().size()));
        f.addAll(c.args());
        return fields(f.toArray(new String[0]));
    }

    static Command decode(String[] f, int[] at) {
        String ns = f[at[0]++];
        if (ns.equals("-") && (at[0] >= f.length || !isTool(f[at[0]]))) return null;
        Tool tool = Tool.valueOf(f[at[0]++]);
        int n = Integer.parseInt(f[at[0]++]);
        List<String> args = new ArrayList<>();
        for (int i = 0; i < n; i++) args.add(f[at[0]++]);
        return new Command(ns.equals("-") ? null : ns.substring(1), tool, args);
    }

    private static boolean isTool(String s) {
        for (Tool t : Tool.values()) if (t.name().equals(s)) return true;
        return false;
    }

    static String fields(String... f) {
        StringBuilder sb = new StringBuilder();
        for (String s : f) {
            if (sb.length() > 0) sb.append('\t');
            sb.append(s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n"));
        }
        return sb.toString();
    }

    static String[] split(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i];
            if (s.indexOf('\\') < 0) continue;
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < s.length(); k++) {
                char ch = s.charAt(k);
                if (ch == '\\' && k + 1 < s.length()) {
                    char nx = s.charAt(++k);
                    sb.append(nx == 't' ? '\t' : nx == 'n' ? '\n' : nx);
                } else {
                    sb.append(ch);
                }
            }
            raw[i] = sb.toString();
        }
        return raw;
    }
}
