package nslab.console;

import java.util.ArrayDeque;
import java.util.Deque;
import nslab.lang.Words;

/**
 * Where the cursor is in the lab language typed so far (all lines of a block): at the top level,
 * in a namespace body, in an interface's block or in expect; and the namespace in question, for
 * completing its interface names. Read from the words before each {@code {}, quotes skipped.
 */
record LabPlace(Words.Context context, String namespace) {

    static LabPlace of(String text) {
        Deque<String[]> blocks = new ArrayDeque<>(); // {word, its first quoted argument}
        String word = null;
        String argument = null;
        StringBuilder token = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                    if (argument == null) argument = token.toString();
                } else {
                    token.append(c);
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                token.setLength(0);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                if (i == 0 || !(Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_')) {
                    token.setLength(0);
                }
                token.append(c);
                if (i + 1 == text.length() || !(Character.isLetterOrDigit(text.charAt(i + 1)) || text.charAt(i + 1) == '_')) {
                    if (Words.find(token.toString()).isPresent()) {
                        word = token.toString();
                        argument = null;
                    }
                }
            } else if (c == '{') {
                blocks.push(new String[] {word, argument});
            } else if (c == '}') {
                if (!blocks.isEmpty()) blocks.pop();
            } else if (c == ';' || c == '\n') {
                word = null;
                argument = null;
            }
        }
        String namespace = null;
        Words.Context context = Words.Context.TOP;
        boolean first = true;
        for (String[] b : blocks) { // innermost first
            String w = b[0];
            if (first) {
                context = w == null ? Words.Context.TOP
                        : w.equals("expect") ? Words.Context.EXPECT
                        : Words.Context.NAMESPACE; // a namespace, host, or an interface's block
                first = false;
            }
            if (namespace == null && w != null && (w.equals("namespace") || w.equals("ns"))) namespace = b[1];
            if (namespace == null && "host".equals(w)) namespace = nslab.model.Namespace.HOST;
        }
        return new LabPlace(context, namespace);
    }
}
