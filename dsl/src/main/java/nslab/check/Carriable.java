package nslab.check;

/**
 * What text a plan may carry: the commands are printed as a shell script and applied as lines of
 * {@code ip -batch}, {@code tc -batch} and {@code iptables-restore}, which split words at white
 * space, cut a line at {@code #}, read a word that starts with a quote as quoted and (iptables)
 * read backslashes. A word without those characters and without control characters means the
 * same in all of them, so apply runs byte for byte what plan prints; other text is refused.
 */
public final class Carriable {
    private Carriable() {}

    /** Why {@code text} cannot be carried as one word of a command, or null when it can. */
    public static String problem(String text) {
        if (text.isEmpty()) return "is empty";
        if (text.startsWith("-")) return "starts with '-', which the tools would read as an option";
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!printable(c)) return "holds the control character " + Printable.escape(c);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) return "holds white space";
            if (c == '"' || c == '\'' || c == '#' || c == '\\') {
                return "holds " + (char) c + ", which a batch line of the tools cannot carry as written";
            }
        }
        return null;
    }

    /** Why a shell command ({@code run}) cannot be carried: only control characters are refused. */
    public static String commandProblem(String text) {
        if (text.isBlank()) return "is empty";
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (!printable(c) && c != '\t') return "holds the control character " + Printable.escape(c);
        }
        return null;
    }

    static boolean printable(int c) {
        if (Character.isISOControl(c)) return false;
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.SURROGATE,
                    Character.UNASSIGNED, Character.PRIVATE_USE -> false;
            default -> true;
        };
    }
}
