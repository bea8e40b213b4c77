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

    /** The source being evaluated: its name and the line its first line stands for. */
    record Chunk(String file, int firstLine) {}

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
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith(CLASS_PREFIX) && e.getLineNumber() > 0) {
                return at(CURRENT.get(), e.getLineNumber());
            }
        }
        return at(CURRENT.get(), 0);
    }

    static Source at(Chunk chunk, int line) {
        if (chunk == null) return new Source("<script>", line);
        return new Source(chunk.file(), line <= 0 ? 0 : line + chunk.firstLine() - 1);
    }
}
