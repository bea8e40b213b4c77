package nslab.console;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groovy typed at the prompt lives for the session, as in groovysh's interpreter mode. The
 * session's lab is rebuilt from every entry on each line, each entry a script of its own sharing
 * one binding: a script's {@code def} variables and methods would die with it. So, in the text
 * that is compiled (what the user sees and the error lines stay as typed, line for line):
 * <ul>
 *   <li>{@code def n = 2} at the outer level becomes {@code n = 2}, a variable of the binding;</li>
 *   <li>{@code def f(i) {} } at the outer level becomes {@code f = { i -> } }, a closure in the
 *       binding, which a later {@code f(3)} calls;</li>
 *   <li>an entry that declares a class (or enum, interface) is appended to every later entry;</li>
 *   <li>an entry already accepted runs again with {@code println} going nowhere, so a line that
 *       prints, prints once.</li>
 * </ul>
 */
final class GroovyThatStays {
    private static final Pattern DEF_VARIABLE = Pattern.compile("^(\\s*)def\\s+([A-Za-z_]\\w*)\\s*=");
    private static final Pattern DEF_METHOD = Pattern.compile(
            "^(\\s*)(?:def|void|String|int|long|boolean|[A-Z]\\w*)\\s+([A-Za-z_]\\w*)\\s*\\(([^)]*)\\)\\s*\\{");
    private static final Pattern TYPE = Pattern.compile("^\\s*(?:(?:public|final|abstract)\\s+)*(?:class|enum|interface|record)\\s+\\w+");
    private static final String QUIET = "out = new java.io.PrintWriter(java.io.Writer.nullWriter()); ";
    private static final String LOUD = "binding.variables.remove('out'); ";

    private GroovyThatStays() {}

    /** True when the entry declares a type, which later entries must see. */
    static boolean declaresType(String text) {
        return text.lines().anyMatch(l -> TYPE.matcher(l).find());
    }

    /**
     * The text to compile for a typed entry: its outer-level defs made to stay, the types declared
     * earlier appended, and its output silenced when it was already run once ({@code replay}).
     */
    static String compileForm(String text, boolean replay, List<String> typesBefore) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (depth == 0) line = outerLevel(line);
            depth += Braces.depthChange(line);
            // also before a class: with a statement the entry stays a script, which the loader runs
            if (i == 0 && !line.stripLeading().startsWith("import ")) {
                line = (replay ? QUIET : LOUD) + line;
            }
            out.append(line);
            if (i < lines.length - 1) out.append('\n');
        }
        for (String type : typesBefore) out.append('\n').append(type);
        return out.toString();
    }

    /** A syntax error on an entry's first line counts columns of the compiled text: give them as typed. */
    static String columnsAsTyped(String message, String typedFirstLine) {
        Matcher m = Pattern.compile("\\(column (\\d+)\\)").matcher(message);
        if (!m.find() || typedFirstLine.stripLeading().startsWith("import ")) return message;
        int column = Math.max(1, Integer.parseInt(m.group(1)) - LOUD.length());
        return message.substring(0, m.start()) + "(column " + column + ")" + message.substring(m.end());
    }

    private static String outerLevel(String line) {
        Matcher m = DEF_METHOD.matcher(line);
        if (m.find()) {
            String params = m.group(3).isBlank() ? "" : m.group(3) + " ->";
            return m.group(1) + m.group(2) + " = { " + params + line.substring(m.end());
        }
        m = DEF_VARIABLE.matcher(line);
        if (m.find()) return m.group(1) + m.group(2) + " =" + line.substring(m.end());
        return line;
    }

    /** Counts braces outside strings and comments well enough for lines typed at a prompt. */
    static final class Braces {
        private Braces() {}

        static int depthChange(String line) {
            int change = 0;
            char quote = 0;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quote != 0) {
                    if (c == '\\') i++;
                    else if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
                    break;
                } else if (c == '{') {
                    change++;
                } else if (c == '}') {
                    change--;
                }
            }
            return change;
        }
    }
}
