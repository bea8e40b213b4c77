package nslab.render;

import java.util.List;

/** POSIX shell quoting, only where a word needs it. */
public final class ShellQuoting {
    private ShellQuoting() {}

    public static String quote(String word) {
        if (safe(word)) return word;
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String word : argv) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(quote(word));
        }
        return sb.toString();
    }

    /** Letters, digits and {@code _@%+=:,./-} only: a shell reads the word as it is. */
    private static boolean safe(String word) {
        if (word.isEmpty()) return false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "_@%+=:,./-".indexOf(c) >= 0;
            if (!ok) return false;
        }
        return true;
    }
}
