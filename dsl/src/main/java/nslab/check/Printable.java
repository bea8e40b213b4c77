package nslab.check;

/** Text shown to a person or written into the plan's comments, with control characters spelt out. */
public final class Printable {
    private Printable() {}

    public static String of(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (!Carriable.printable(c)) {
                if (out == null) out = new StringBuilder(text.substring(0, i));
                out.append(escape(c));
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    static String escape(int c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0 -> "\\0";
            default -> c <= 0xff ? String.format("\\x%02x", c) : String.format("\\u%04x", c);
        };
    }
}
