package nslab.lang;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds a block brace without its partner. Groovy reports an unclosed {@code {} as an
 * "Unexpected input" somewhere far from it, or at the end of the file; the line of the brace
 * itself is what a person needs. Strings and comments are skipped, so that a brace inside
 * {@code '...'} or after {@code //} does not count.
 */
final class Braces {

    /** A brace that has no partner: the line it is on (1-based, in the text) and whether it opens. */
    record Unmatched(int line, boolean opening) {}

    private Braces() {}

    static Optional<Unmatched> unmatched(String text) {
        Deque<Integer> open = new ArrayDeque<>();
        Optional<Integer> stray = inCode(text, (c, line) -> {
            if (c == '{') open.push(line);
            if (c != '}') return false;
            if (open.isEmpty()) return true;
            open.pop();
            return false;
        });
        if (stray.isPresent()) return Optional.of(new Unmatched(stray.get(), false));
        // the innermost unclosed brace is the one whose block most likely lost its end
        return open.isEmpty() ? Optional.empty() : Optional.of(new Unmatched(open.peek(), true));
    }

    /** The line where braces, brackets and parentheses first nest deeper than {@code limit}, if they do. */
    static Optional<Integer> nestedBeyond(String text, int limit) {
        int[] depth = {0};
        return inCode(text, (c, line) -> {
            if (c == '{' || c == '(' || c == '[') return ++depth[0] > limit;
            if (c == '}' || c == ')' || c == ']') depth[0]--;
            return false;
        });
    }

    /** Is told each character of code (not of a string or comment) with its line; true stops the walk. */
    private interface CodeCharacter {
        boolean stopsAt(char c, int line);
    }

    /** Walks the code outside strings and comments; the line where {@code visit} stopped, if it did. */
    private static Optional<Integer> inCode(String text, CodeCharacter visit) {
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int end = skipped(text, i);
            if (end >= 0) {
                line += count(text, i, end);
                i = end;
            } else if (c == '\n') {
                line++;
            } else if (visit.stopsAt(c, line)) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /**
     * When a comment or a string starts at {@code i}: the index of its last character (a line
     * comment stops before its newline); otherwise -1.
     */
    static int skipped(String text, int i) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
            int nl = text.indexOf('\n', i);
            return nl < 0 ? n - 1 : nl - 1;
        }
        if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? n - 1 : end + 1;
        }
        if (c == '\'' || c == '"') return stringEnd(text, i, c);
        return -1;
    }

    /** The index of the quote that closes the string opened at {@code start} ('''/""" too), or the text's end. */
    static int stringEnd(String text, int start, char quote) {
        String q3 = String.valueOf(quote).repeat(3);
        boolean triple = text.startsWith(q3, start);
        int i = start + (triple ? 3 : 1);
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (triple ? text.startsWith(q3, i) : c == quote) {
                return triple ? i + 2 : i;
            } else if (c == '\n' && !triple) {
                return i - 1;   // an unclosed one-line string: Groovy reports that itself
            }
        }
        return text.length() - 1;
    }

    private static int count(String text, int from, int to) {
        int lines = 0;
        for (int i = from; i <= to && i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
        return lines;
    }
}
