package nslab.lang;

import nslab.model.Source;

/**
 * Finds the script line that is calling into the language right now, by walking the stack to the
 * nearest frame of a compiled lab script (its class or one of its closures).
 */
final class ScriptLines {
    static final String CLASS_PREFIX = "NslabScript";
    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final ThreadLocal<Chunk> CURRENT = new ThreadLocal<>();

    /** The source being evaluated: its name, the line its first line stands for, and its text. */
    record Chunk(String file, int firstLine, String text) {}

    private ScriptLines() {}

    static void enter(Chunk chunk) {
        CURRENT.set(chunk);
    }

    static void leave() {
        CURRENT.remove();
    }

    static Source here() {
        Chunk chunk = CURRENT.get();
        int line = WALKER.walk(frames -> frames
                .filter(f -> f.getClassName().startsWith(CLASS_PREFIX) && f.getLineNumber() > 0)
                .mapToInt(StackWalker.StackFrame::getLineNumber)
                .findFirst().orElse(0));
        return at(chunk, line);
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
                return at(CURRENT.get(), e.getLineNumber());
            }
        }
        Chunk chunk = CURRENT.get();
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
