package nslab.lang;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.Phases;

/**
 * The line a syntax error is on. Groovy's parser notices a mistake inside a block only when the
 * block cannot close, so it names the line of the block's '{' ("line 2: Unexpected input '{'").
 * The line at fault is the one that does not parse on its own and without which the whole text
 * parses; its cause is named when it is a Groovy keyword written as a lab word's argument
 * ({@code route default via ...}), which needs quotes.
 */
final class SyntaxLines {
    /** Parsing a text per line is fast, but not for every line of a very long script. */
    private static final int MAX_LINES = 400;
    private static final Set<String> KEYWORDS = Set.of("as", "assert", "break", "case", "catch", "class", "const",
            "continue", "def", "default", "do", "else", "enum", "extends", "finally", "for", "goto", "if", "implements",
            "import", "in", "instanceof", "interface", "new", "package", "return", "super", "switch", "this", "throw",
            "throws", "trait", "try", "var", "while");
    private static final Pattern WORD_THEN_KEYWORD = Pattern.compile("^(\\s*[A-Za-z]\\w*\\s+)([a-z]+)\\b(.*)$");

    /** A line at fault: its 1-based number in the text, and the quoted keyword's fix when that is the cause. */
    record Fault(int line, String keyword, String fixed) {}

    private SyntaxLines() {}

    static Optional<Fault> find(String text) {
        List<String> lines = text.lines().toList();
        if (lines.size() > MAX_LINES) return Optional.empty();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String alone = line.strip().replaceFirst("^}\\s*", "").replaceFirst("\\{\\s*$", "");
            if (alone.isEmpty() || parses(alone)) continue;
            if (!parses(without(lines, i))) continue;
            return Optional.of(cause(i + 1, line));
        }
        return Optional.empty();
    }

    private static Fault cause(int number, String line) {
        Matcher m = WORD_THEN_KEYWORD.matcher(line);
        if (m.matches() && KEYWORDS.contains(m.group(2)) && Words.find(m.group(1).strip()).isPresent()) {
            String fixed = m.group(1) + "'" + m.group(2) + "'" + m.group(3);
            if (parses(fixed.strip().replaceFirst("\\{\\s*$", ""))) return new Fault(number, m.group(2), fixed.strip());
        }
        return new Fault(number, null, null);
    }

    private static String without(List<String> lines, int skip) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (i == skip) {
                // keep its braces, so that the blocks around it still close
                l = (l.strip().startsWith("}") ? "}" : "") + (l.strip().endsWith("{") ? "{" : "");
            }
            sb.append(l).append('\n');
        }
        return sb.toString();
    }

    private static boolean parses(String text) {
        CompilationUnit unit = new CompilationUnit();
        unit.addSource("line.groovy", text);
        try {
            unit.compile(Phases.CONVERSION);
            return true;
        } catch (RuntimeException e) { // CompilationFailedException, or a parser failure of its own
            return false;
        }
    }
}
