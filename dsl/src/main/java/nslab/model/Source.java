package nslab.model;

/** Where an element of a lab came from: a script file (or "&lt;console&gt;") and a 1-based line. */
public record Source(String file, int line) {
    public static final Source UNKNOWN = new Source("<unknown>", 0);

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
