package nslab.engine;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The journal's line format: fields separated by tabs, a backslash and every control character in
 * a field written {@code \xHH}, and the CRC-32 of the rest as the last field.
 */
final class JournalLines {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JournalLines() {}

    /** One line of the journal, newline included. */
    static String line(String... fields) {
        StringBuilder sb = new StringBuilder();
        append(List.of(fields), sb);
        return sb.toString();
    }

    /** Appends one line of the journal, newline included, to {@code out}. */
    static void append(List<String> fields, StringBuilder out) {
        int start = out.length();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) out.append('\t');
            escape(fields.get(i), out);
        }
        String crc = crc(out.substring(start));
        out.append('\t').append(crc).append('\n');
    }

    /** The fields of a line, or null when its checksum is missing or wrong. */
    static String[] parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /**
     * The fields of the line {@code b[from, to)} (without its newline), or null when its checksum
     * is missing or wrong: read from the bytes as they are in the file, a string made only for each
     * field (a large lab's journal has thousands of lines, read at every destroy).
     */
    static String[] parse(byte[] b, int from, int to) {
        int tab = to - 1;
        while (tab >= from && b[tab] != '\t') tab--;
        if (tab < from || to - tab - 1 != 8) return null;
        CRC32 c = new CRC32();
        c.update(b, from, tab - from);
        long v = c.getValue();
        for (int i = 7; i >= 0; i--, v >>>= 4) if (b[tab + 1 + i] != HEX[(int) (v & 15)]) return null;
        int n = 1;
        for (int i = from; i < tab; i++) if (b[i] == '\t') n++;
        String[] fields = new String[n];
        int start = from;
        int k = 0;
        for (int i = from; i <= tab; i++) {
            if (i == tab || b[i] == '\t') {
                fields[k++] = unescape(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        return fields;
    }

    static void escape(String s, StringBuilder sb) {
        if (plain(s)) {
            sb.append(s);
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) sb.append("\\x").append(HEX[c >> 4]).append(HEX[c & 15]);
            else sb.append(c);
        }
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c < 0x20 || c == 0x7f) return false;
        }
        return true;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (i + 3 >= s.length() || s.charAt(i + 1) != 'x') {
                throw new IllegalArgumentException("a malformed escape");
            }
            sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
            i += 3;
        }
        return sb.toString();
    }

    /** Eight lower-case hex digits (built by hand: a journal of a large lab has thousands of lines). */
    static String crc(String text) {
        CRC32 c = new CRC32();
        c.update(text.getBytes(StandardCharsets.UTF_8));
        long v = c.getValue();
        char[] out = new char[8];
        for (int i = 7; i >= 0; i--, v >>>= 4) out[i] = HEX[(int) (v & 15)];
        return new String(out);
    }
}
