package nslab.lang;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one-line block form: {@code namespace 'server' < veth 'svr-veth' peer 'gateway' ; ip '192.168.100.1/24' >}
 * means {@code namespace 'server' { ... }}. Groovy would read {@code <} and {@code >} as
 * comparisons, so before it parses the text, the {@code <} right after a block word and its name
 * ({@code host <} and {@code expect <} have no name) and its matching {@code >} become braces.
 * Everywhere else {@code <} and {@code >} are left to Groovy ({@code if (i < n)}); each is
 * replaced by one character, so every line keeps its number and its columns.
 */
final class AngleBlocks {
    private static final Pattern NAMED_HEAD = Pattern.compile(
            "(?<![\\w$.])(?:namespace|ns|dev|bridge|tap|tun)\\s*(\\(\\s*)?('[^'\\n]*'|\"[^\"\\n]*\")\\s*(\\)\\s*)?<(?![<=])");
    private static final Pattern BARE_HEAD = Pattern.compile("(?<![\\w$.])(?:host|expect)\\s*<(?![<=])");

    private AngleBlocks() {}

    static String toBraces(String text) {
        if (text.indexOf('<') < 0) return text;
        char[] out = text.toCharArray();
        Deque<Integer> open = new ArrayDeque<>();   // the bracket depth at which each block opened
        int depth = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int lt = c == '\'' || c == '"' ? headEnd(text, i) : -1;
            int end = Braces.skipped(text, i);
            if (lt >= 0) {
                out[lt] = '{';
                open.push(depth);
                i = lt;
            } else if (end >= 0) {
                i = end;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '<' && bare(text, i)) {
                out[i] = '{';
                open.push(depth);
            } else if (c == '>' && !open.isEmpty() && open.peek() == depth
                    && (i == 0 || text.charAt(i - 1) != '-') && (i + 1 >= n || text.charAt(i + 1) != '=')) {
                out[i] = '}';
                open.pop();
            }
        }
        return new String(out);
    }

    /** When the string starting at {@code quote} is the name of a block word followed by {@code <}: where that {@code <} is. */
    private static int headEnd(String text, int quote) {
        int end = Braces.stringEnd(text, quote, text.charAt(quote));
        Matcher m = NAMED_HEAD.matcher(text);
        m.useTransparentBounds(true);
        m.region(Math.max(0, quote - 40), Math.min(text.length(), end + 40));
        while (m.find()) {
            if (m.start() > quote) return -1;
            if (m.start(2) == quote) return m.end() - 1;
        }
        return -1;
    }

    private static boolean bare(String text, int lt) {
        Matcher m = BARE_HEAD.matcher(text);
        m.useTransparentBounds(true);
        m.region(Math.max(0, lt - 10), lt + 1);
        while (m.find()) if (m.end() - 1 == lt) return true;
        return false;
    }
}
