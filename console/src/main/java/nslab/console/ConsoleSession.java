package nslab.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nslab.LabCompiler;
import nslab.lang.LabLoader;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.plan.Plan;

/**
 * The session's lab: the chunks of script accepted so far (typed lines and loaded files), the lab
 * they compile to, and whether live mode is on. A chunk is only kept when
 * the whole lab still compiles with it, so the session never holds a half-accepted line.
 */
final class ConsoleSession {
    static final String CONSOLE_FILE = "<console>";
    static final String NO_LAB_YET = "the session has no lab yet: type lab language (try: namespace 'a') or load FILE";

    private final LabCompiler compiler;
    private final List<LabLoader.Chunk> chunks = new ArrayList<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private LabCompiler.Compiled current;
    private boolean live;
    private int consoleLines;

    ConsoleSession(LabCompiler compiler) {
        this.compiler = compiler;
    }

    /** The console line number the next typed chunk starts at. */
    synchronized int nextConsoleLine() {
        return consoleLines + 1;
    }

    /** Counts lines typed as lab language, accepted or not, so messages name the line the user sees. */
    synchronized LabLoader.Chunk typed(String text) {
        LabLoader.Chunk chunk = new LabLoader.Chunk(CONSOLE_FILE, consoleLines + 1, text);
        consoleLines += text.split("\n", -1).length;
        return chunk;
    }

    /** Compiles the session with this chunk added (or replacing the chunks of the same file), changing nothing. */
    /** The compiler the session's lines go through (the warm-up warms it). */
    LabCompiler compiler() {
        return compiler;
    }

    synchronized LabCompiler.Compiled tryWith(LabLoader.Chunk chunk) {
        return tryWith(List.of(chunk));
    }

    /** Compiles the session with these chunks added in order, changing nothing. */
    synchronized LabCompiler.Compiled tryWith(List<LabLoader.Chunk> added) {
        return compile(with(added));
    }

    /** Compiles the session without this accepted entry, changing nothing. */
    synchronized LabCompiler.Compiled tryWithout(LabLoader.Chunk entry) {
        List<LabLoader.Chunk> next = new ArrayList<>(chunks);
        next.remove(entry);
        return compile(next);
    }

    /** Compiles the session with {@code replacement} where the accepted {@code entry} was, changing nothing. */
    synchronized LabCompiler.Compiled tryReplacing(LabLoader.Chunk entry, LabLoader.Chunk replacement) {
        return compile(replaced(entry, replacement));
    }

    private LabCompiler.Compiled compile(List<LabLoader.Chunk> next) {
        return compiler.compile(defaultName(next), compileForm(next));
    }

    private List<LabLoader.Chunk> replaced(LabLoader.Chunk entry, LabLoader.Chunk replacement) {
        List<LabLoader.Chunk> next = new ArrayList<>(chunks);
        next.set(next.indexOf(entry), replacement);
        return next;
    }

    /** Takes an accepted entry out; {@code compiled} is the lab without it. */
    synchronized void remove(LabLoader.Chunk entry, LabCompiler.Compiled compiled) {
        chunks.remove(entry);
        current = compiled;
    }

    /** Puts {@code replacement} where the accepted {@code entry} was; {@code compiled} is the lab so. */
    synchronized void replace(LabLoader.Chunk entry, LabLoader.Chunk replacement, LabCompiler.Compiled compiled) {
        List<LabLoader.Chunk> next = replaced(entry, replacement);
        chunks.clear();
        chunks.addAll(next);
        current = compiled;
    }

    /** Takes a waiting entry out of the waiting list. */
    synchronized boolean dropWaiting(LabLoader.Chunk entry) {
        return waiting.removeIf(w -> w.chunk().equals(entry));
    }

    /** The typed entry (accepted or waiting) that begins at this console line. */
    synchronized java.util.Optional<LabLoader.Chunk> entryAt(int line) {
        return entries().stream().filter(c -> CONSOLE_FILE.equals(c.file()) && c.firstLine() == line).findFirst();
    }

    /** The entry of the lab, typed or loaded, that holds this console line. */
    synchronized java.util.Optional<LabLoader.Chunk> typedEntryHolding(int line) {
        return chunks.stream().filter(c -> CONSOLE_FILE.equals(c.file()) && line >= c.firstLine()
                && line < c.firstLine() + c.text().split("\n", -1).length).findFirst();
    }

    /** An accepted typed entry with this very text, if there is one. */
    synchronized java.util.Optional<LabLoader.Chunk> acceptedSame(String text) {
        return chunks.stream().filter(c -> CONSOLE_FILE.equals(c.file()) && c.text().strip().equals(text.strip())).findFirst();
    }

    /** A waiting entry with this very text, if there is one. */
    synchronized java.util.Optional<Waiting> waitingSame(String text) {
        return waiting.stream().filter(w -> w.chunk().text().strip().equals(text.strip())).findFirst();
    }

    /** Whether this chunk is one of the waiting entries. */
    synchronized boolean isWaiting(LabLoader.Chunk entry) {
        return waiting.stream().anyMatch(w -> w.chunk().equals(entry));
    }

    /** The session's entries: accepted ones in the order they were taken, then the waiting ones. */
    synchronized List<LabLoader.Chunk> entries() {
        List<LabLoader.Chunk> all = new ArrayList<>(chunks);
        waiting.forEach(w -> all.add(w.chunk()));
        return all;
    }

    /** Typed entries as {@link GroovyThatStays} compiles them; files as they are. */
    private List<LabLoader.Chunk> compileForm(List<LabLoader.Chunk> next) {
        List<LabLoader.Chunk> form = new ArrayList<>();
        List<String> types = new ArrayList<>();
        for (LabLoader.Chunk c : next) {
            if (!CONSOLE_FILE.equals(c.file())) {
                form.add(c);
                continue;
            }
            boolean replay = chunks.contains(c);
            form.add(new LabLoader.Chunk(c.file(), c.firstLine(), GroovyThatStays.compileForm(c.text(), replay, types), c.text()));
            if (GroovyThatStays.declaresType(c.text())) types.add(c.text());
        }
        return form;
    }

    synchronized void accept(LabLoader.Chunk chunk, LabCompiler.Compiled compiled) {
        accept(List.of(chunk), compiled);
    }

    /** Keeps the chunks (waiting ones among them leave the waiting list) and the lab they compiled to. */
    synchronized void accept(List<LabLoader.Chunk> added, LabCompiler.Compiled compiled) {
        List<LabLoader.Chunk> next = with(added);
        chunks.clear();
        chunks.addAll(next);
        waiting.removeIf(w -> added.contains(w.chunk()));
        current = compiled;
    }

    synchronized void keepWaiting(Waiting entry) {
        waiting.add(entry);
    }

    /** Entries typed before what they name, in the order they were typed. */
    synchronized List<Waiting> waiting() {
        return List.copyOf(waiting);
    }

    /** Empties the session: no lab, nothing waiting, live mode off. Line numbers go on counting. */
    synchronized void reset() {
        chunks.clear();
        waiting.clear();
        current = null;
        live = false;
    }

    /** A lab from one file is named after it (as on the command line); anything typed makes it "console". */
    private static String defaultName(List<LabLoader.Chunk> chunks) {
        String file = chunks.isEmpty() ? CONSOLE_FILE : chunks.get(0).file();
        if (CONSOLE_FILE.equals(file) || chunks.stream().anyMatch(c -> !c.file().equals(file))) return "console";
        String base = java.nio.file.Path.of(file).getFileName().toString();
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** A file loaded again replaces its earlier text; typed lines always add. */
    private List<LabLoader.Chunk> with(List<LabLoader.Chunk> added) {
        List<LabLoader.Chunk> next = new ArrayList<>(chunks);
        for (LabLoader.Chunk chunk : added) {
            if (!CONSOLE_FILE.equals(chunk.file())) next.removeIf(c -> c.file().equals(chunk.file()));
            next.add(chunk);
        }
        return next;
    }

    /**
     * The session as one lab script, entries in the order they were taken, each loaded file's text
     * under a comment naming it; entries still waiting come last (a script resolves its names
     * after reading all of it). {@code nslab apply} of it builds the session's lab.
     */
    synchronized String script() {
        StringBuilder out = new StringBuilder("// saved from the nslab console\n");
        if (!typedAnything() || files().size() > 1) out.append("lab '").append(labName()).append("'\n");
        for (LabLoader.Chunk c : chunks) {
            if (!CONSOLE_FILE.equals(c.file())) out.append("\n// from ").append(c.file()).append('\n');
            out.append(withoutLabWord(c)).append('\n');
        }
        if (!waiting.isEmpty()) out.append("\n// typed in the console, still waiting there for what they name\n");
        for (Waiting w : waiting) out.append(w.chunk().text()).append('\n');
        return out.toString();
    }

    /** A loaded file's own lab line gives way to the one name the saved lab has. */
    private String withoutLabWord(LabLoader.Chunk c) {
        if (CONSOLE_FILE.equals(c.file()) || (typedAnything() || files().size() > 1) == false) return c.text();
        return c.text().replaceAll("(?m)^\\s*lab\\s*\\(?\\s*'[^']*'\\s*\\)?\\s*$", "// $0");
    }

    synchronized boolean isEmpty() {
        return chunks.isEmpty();
    }

    /** The session's lab as last compiled, or null before anything was accepted. */
    synchronized LabCompiler.Compiled compiled() {
        return current;
    }

    synchronized Lab lab() {
        return current == null ? null : current.lab();
    }

    synchronized Plan plan() {
        return current == null ? null : current.plan();
    }

    synchronized String labName() {
        return current == null || current.lab() == null ? defaultName(chunks) : current.lab().name();
    }

    /** Files the session's lab was loaded from (not the console). */
    synchronized Set<String> files() {
        Set<String> files = new LinkedHashSet<>();
        for (LabLoader.Chunk c : chunks) if (!CONSOLE_FILE.equals(c.file())) files.add(c.file());
        return files;
    }

    synchronized boolean typedAnything() {
        return chunks.stream().anyMatch(c -> CONSOLE_FILE.equals(c.file()));
    }

    /** Names of the namespaces the lab declares (not the host). */
    synchronized List<String> namespaceNames() {
        Lab lab = lab();
        if (lab == null) return List.of();
        return lab.created().stream().map(Namespace::name).toList();
    }

    synchronized boolean isLive() {
        return live;
    }

    synchronized void setLive(boolean live) {
        this.live = live;
    }

    /** The text of a script line, looked up in the accepted chunks and {@code extra} (may be null). */
    synchronized String lineText(nslab.model.Source source, LabLoader.Chunk extra) {
        List<LabLoader.Chunk> all = new ArrayList<>(chunks);
        for (Waiting w : waiting) all.add(w.chunk());
        if (extra != null) all.add(extra);
        for (int i = all.size() - 1; i >= 0; i--) {
            LabLoader.Chunk c = all.get(i);
            if (!c.file().equals(source.file())) continue;
            String[] lines = c.text().split("\n", -1);
            int at = source.line() - c.firstLine();
            if (at >= 0 && at < lines.length) return lines[at];
        }
        return null;
    }
}
