package nslab.imports;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what a web page does to shell commands: full-width punctuation and spaces (a Chinese
 * page's {@code ：，（）} and its ideographic space), no-break spaces, a full stop after the
 * command, commands printed without the line break between them ({@code ...net0ip netns add
 * net1}), and forms with a blank to fill in ({@code ip netns add <name>}, {@code `command`}).
 */
final class PrintedText {
    /** A sentence's full stop after a command (NFKC makes the half-width one ideographic). */
    private static final Pattern FULL_STOP = Pattern.compile("\\s*\u3002+\\s*$");

    /**
     * Where a second command starts right after the last word of the first: a program this
     * importer reads, with the word that must follow it. A word ending in {@code ip} before one of
     * these ({@code brip netns}) is two words run together, since no ip argument is followed so.
     */
    private static final Pattern GLUED = Pattern.compile("(?<=[A-Za-z0-9_.-])(?=(?:"
            + "ip (?:netns|link|addr|address|route|neigh|tuntap|rule|-n|-netns|-4|-6|-br|-d|-s) "
            + "|brctl (?:addbr|delbr|addif|delif|show)\\b"
            + "|ifconfig [A-Za-z]"
            + "|route (?:add|del|-n)\\b"
            + "|sysctl (?:-w |net\\.)"
            + "|iptables -"
            + "|(?:ping|ping6) (?:-|\\d)))");

    /** Words after which a glued-looking word is a name: {@code ip -n nsip link ...} is one command. */
    private static final Pattern NAME_BEFORE = Pattern.compile("(?:^|\\s)(?:-n|-netns|--netns|exec)\\s+\\S*$");

    private static final Pattern ANGLE_BLANK = Pattern.compile("<[A-Za-z][A-Za-z0-9 _-]*[A-Za-z0-9]>");
    private static final Pattern BACKQUOTED = Pattern.compile("`[A-Za-z][A-Za-z0-9 _-]*`");

    private PrintedText() {}

    /** The line with full-width forms as ASCII, no-break spaces as spaces and a trailing full stop taken off;
     * control characters become spaces. */
    static String normalized(String line) {
        // control characters would end a comment of the written lab early (a lone carriage return)
        String s = Normalizer.normalize(line, Normalizer.Form.NFKC).replaceAll("[\\p{Cc}\u00a0\u2028\u2029&&[^\\t]]", " ");
        return FULL_STOP.matcher(s).replaceFirst("");
    }

    /** The line with {@code ; } put between commands printed without a line break between them. */
    static String separated(String line) {
        Matcher m = GLUED.matcher(line);
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (m.find()) {
            if (NAME_BEFORE.matcher(line.substring(0, m.start())).find()) continue;
            out.append(line, from, m.start()).append("; ");
            from = m.start();
        }
        return out.append(line.substring(from)).toString();
    }

    /** The blank of a form to fill in ({@code <network namespace name>}, {@code `command`}), if the command has one. */
    static Optional<String> blank(String command) {
        Matcher angle = ANGLE_BLANK.matcher(command);
        if (angle.find()) return Optional.of(angle.group());
        Matcher quoted = BACKQUOTED.matcher(command);
        return quoted.find() ? Optional.of(quoted.group()) : Optional.empty();
    }
}
