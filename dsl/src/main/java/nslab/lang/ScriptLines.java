package nslab.lang;

import nslab.model.Source;

/**
 * Finds the script line that is calling into the language right now. Compiled scripts record each
 * statement's line as they reach it ({@link LineMarks}); a script compiled without the marks (or
 * code outside any statement) is found by walking the stack to the nearest frame of a compiled lab
 * script (its class or one of its closures).
 */
public final class ScriptLines {
    static final String CLASS_PREFIX = "NslabScript";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ThreadLocal<Position> CURRENT = ThreadLocal.withInitial(Position::new);

    /** The source being evaluated: its name, the line its first line stands for, and its text. */
    record Chunk(String file, int firstLine, String text) {}

    /** Where this thread's script is: its chunk, and the line of the statement it last reached. */
    private static final class Position {
        Chunk chunk;
        int line;
    }

    private ScriptLines() {}

    static void enter(Chunk chunk) {
        Position p = CURRENT.get();
        p.chunk = chunk;
        p.line = 0;
    }

    static void leave() {
        CURRENT.remove();
    }

    /** Called by compiled scripts before each statement (public for them, not for people). */
    public static int mark(int line) {
        CURRENT.get().line = line;
        return line;
    }

    /** The line last marked: a block saves it and marks it again when it ends, as its caller's statement goes on. */
    static int marked() {
        return CURRENT.get().line;
    }

    static Source here() {
        Position p = CURRENT.get();
        int line = p.line > 0 ? p.line : WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith(CLASS_PREFIX) && f.getLineNumber() > 0)
                .mapToInt(StackWalker.StackFrame::getLineNumber)
                .findFirst().orElse(0));
        return at(p.chunk, line);
    }

    /** The script line of a throwable raised while a script ran. */
    static Source of(Throwable t) {
        return of(t, null);
    }

    /**
     * The script line of a throwable raised while a script ran. Groovy throws some of its
     * "missing" exceptions without a stack trace; then the first line using {@code word} is the
     * best guess there is.
     */
    static Source of(Throwable t, String word) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(CLASS_PREFIX) && e.getLineNumber() > 0) {
                return at(CURRENT.get().chunk, e.getLineNumber());
            }
        }
        Chunk chunk = CURRENT.get().chunk;
        if (word != null && chunk != null && chunk.text() != null) {
            java.util.regex.Pattern p = java.util.regex.Pattern.compile("(?<![\\w$'\"])" + java.util.regex.Pattern.quote(word) + "(?![\\w$'\"])");
            String[] lines = chunk.text().split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (p.matcher(lines[i]).find()) return at(chunk, i + 1);
            }
        }
        return at(chunk, 0);
    }

    static Source at(Chunk chunk, int line) {
        if (chunk == null) return new Source("<script>", line);
        return new Source(chunk.file(), line <= 0 ? 0 : line + chunk.firstLine() - 1);
    }
}
