package nslab.console;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import nslab.lang.Words;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Colours the line as it is typed: a console command at the start, lab words, namespace names,
 * strings, numbers and comments, so a misspelt word stands out by staying plain.
 */
final class LabHighlighter implements Highlighter {
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle WORD = AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
    static final AttributedStyle NAMESPACE = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.MAGENTA);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT).faint();

    private final Predicate<String> isCommand;
    private final Supplier<List<String>> namespaces;

    LabHighlighter(Predicate<String> isCommand, Supplier<List<String>> namespaces) {
        this.isCommand = isCommand;
        this.namespaces = namespaces;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder sb = new AttributedStringBuilder();
        List<String> nsNames = namespaces.get();
        boolean firstWord = true;
        int i = 0;
        int n = buffer.length();
        while (i < n) {
            char c = buffer.charAt(i);
            if (c == '\'' || c == '"') {
                int end = buffer.indexOf(c, i + 1);
                end = end < 0 ? n : end + 1;
                String text = buffer.substring(i, end);
                String inner = text.length() >= 2 && text.charAt(text.length() - 1) == c ? text.substring(1, text.length() - 1) : text.substring(1);
                sb.styled(nsNames.contains(inner) ? NAMESPACE : STRING, text);
                i = end;
                firstWord = false;
            } else if (c == '/' && i + 1 < n && buffer.charAt(i + 1) == '/') {
                int end = buffer.indexOf('\n', i);
                end = end < 0 ? n : end;
                sb.styled(COMMENT, buffer.substring(i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i;
                while (end < n && (Character.isLetterOrDigit(buffer.charAt(end)) || buffer.charAt(end) == '_'
                        || buffer.charAt(end) == '-' || buffer.charAt(end) == '.')) end++;
                String word = buffer.substring(i, end);
                AttributedStyle style = AttributedStyle.DEFAULT;
                if (firstWord && isCommand.test(word)) style = COMMAND;
                else if (Words.find(word).isPresent()) style = WORD;
                else if (nsNames.contains(word)) style = NAMESPACE;
                sb.styled(style, word);
                i = end;
                firstWord = false;
            } else if (Character.isDigit(c)) {
                int end = i;
                while (end < n && (Character.isDigit(buffer.charAt(end)) || buffer.charAt(end) == '.')) end++;
                sb.styled(NUMBER, buffer.substring(i, end));
                i = end;
                firstWord = false;
            } else {
                sb.append(c);
                if (c == '\n') firstWord = true;
                i++;
            }
        }
        return sb.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // no error marking: mistakes are reported when the line is entered
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // as above
    }
}
