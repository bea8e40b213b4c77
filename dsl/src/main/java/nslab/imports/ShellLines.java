package nslab.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads shell commands the way people paste them from a tutorial: prompts ({@code $ }, {@code # },
 * {@code user@host:~$ }, a numbered list's {@code 1. }), {@code sudo}, comments, blank lines,
 * {@code &&}, {@code ||}, {@code ;} and {@code |} between commands, {@code \} at the end of a line
 * to continue it. A line that starts with {@code #} is a root prompt when a command this importer
 * knows follows it, and a comment otherwise.
 */
public final class ShellLines {
    /** The programs whose lines are worth reading after a {@code # } prompt. */
    static final Set<String> KNOWN = Set.of("ip", "ifconfig", "route", "brctl", "sysctl", "echo", "iptables",
            "tc", "ping", "ping6", "sudo", "sh", "bash", "netstat", "tcpdump", "bridge", "modprobe", "unshare", "cat", "tee");
    /** Also read after a {@code # } prompt: what is typed in a shell that unshare opened. */
    private static final Set<String> IN_SHELLS = Set.of("exit", "exec", "hostname", "readlink");

    private static final Pattern USER_PROMPT = Pattern.compile("^\\[?([\\w.-]+@[\\w.-]+)[^\\s$#]*\\s*[^\\s$#]*\\]?[$#]\\s*");
    /** {@code <<EOF}, {@code <<-'END'}: the lines that follow, up to the delimiter, are the command's input. */
    private static final Pattern HERE_DOC = Pattern.compile("(?<!<)<<(?!<)(-)?\\s*['\"]?([A-Za-z_][A-Za-z0-9_]*)['\"]?");
    private static final Pattern NUMBERED = Pattern.compile("^\\d{1,3}\\.\\s+");

    private ShellLines() {}

    public static List<ShellCommand> read(String text) {
        return read(text, 1);
    }

    /** The commands of {@code text}, whose first line is line {@code firstLine} of the input. */
    static List<ShellCommand> read(String text, int firstLine) {
        List<ShellCommand> commands = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int first = i + firstLine;
            StringBuilder joined = new StringBuilder(lines[i]);
            while (endsWithContinuation(joined) && i + 1 < lines.length) {
                joined.setLength(joined.length() - 1);
                joined.append(' ').append(lines[++i].strip());
            }
            String printed = PrintedText.normalized(joined.toString()).strip();
            String prompt = promptOf(printed);
            String line = withoutPrompt(printed);
            if (line.isEmpty()) continue;
            if (PrintedText.blank(line).isPresent()) {
                commands.add(new ShellCommand(first, line, List.of(line.split("\\s+")), null, false, prompt));
                continue;
            }
            commands.addAll(split(first, PrintedText.separated(line), prompt));
            Matcher hereDoc = HERE_DOC.matcher(line);
            if (hereDoc.find()) i = endOfHereDoc(lines, i + 1, hereDoc.group(2), hereDoc.group(1) != null);
        }
        return commands;
    }

    /** The index of the line that ends a here-document whose body starts at {@code from} (its lines are no commands). */
    private static int endOfHereDoc(String[] lines, int from, String delimiter, boolean tabsStripped) {
        for (int j = from; j < lines.length; j++) {
            String l = tabsStripped ? lines[j].replaceFirst("^\t+", "") : lines[j];
            if (l.strip().equals(delimiter)) return j;
        }
        return lines.length - 1;
    }

    private static boolean endsWithContinuation(StringBuilder s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) end--;
        s.setLength(end);
        return end > 0 && s.charAt(end - 1) == '\\';
    }

    /** The {@code user@host} of the line's prompt; "" when it has none or a bare one. */
    static String promptOf(String line) {
        Matcher m = USER_PROMPT.matcher(NUMBERED.matcher(line).replaceFirst(""));
        return m.find() ? m.group(1) : "";
    }

    /** The line without its prompt; empty for a comment. */
    static String withoutPrompt(String line) {
        String s = NUMBERED.matcher(line).replaceFirst("");
        s = USER_PROMPT.matcher(s).replaceFirst("");
        if (s.startsWith("//")) return "";
        if (s.startsWith("$") || s.startsWith(">")) return s.substring(1).strip();
        if (s.startsWith("#")) {
            String rest = s.substring(1).strip();
            String word = rest.split("\\s+", 2)[0];
            return KNOWN.contains(word) || IN_SHELLS.contains(word) ? rest : "";
        }
        return s;
    }

    /** Splits a line at {@code && || ; |}, undoing quotes; a {@code #} that starts a word ends the line. */
    private static List<ShellCommand> split(int lineNo, String line, String prompt) {
        List<ShellCommand> out = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        StringBuilder text = new StringBuilder();
        String redirect = null;
        boolean redirectNext = false;
        char quote = 0;
        for (int i = 0; i <= line.length(); i++) {
            char c = i < line.length() ? line.charAt(i) : 0;
            if (quote != 0 && c != 0) {
                if (c == quote) quote = 0;
                else if (c == '\\' && quote == '"' && i + 1 < line.length()) word.append(line.charAt(++i));
                else word.append(c);
                text.append(c);
                continue;
            }
            boolean end = c == 0 || Character.isWhitespace(c) || c == ';' || c == '&' || c == '|' || c == '>'
                    || (c == '#' && word == null);
            if (!end) {
                if (word == null) word = new StringBuilder();
                if (c == '\'' || c == '"') quote = c;
                else if (c == '\\' && i + 1 < line.length()) word.append(line.charAt(++i));
                else word.append(c);
                text.append(c);
                continue;
            }
            if (word != null) {
                if (c == '>' && !redirectNext && word.toString().matches("\\d")) {
                    word = null;                                 // 2> : a descriptor, not an argument
                } else if (redirectNext) {
                    redirect = word.toString();
                    redirectNext = false;
                } else {
                    words.add(word.toString());
                }
                word = null;
            }
            if (c == '#' || c == 0) break;
            if (c == '>') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '>') i++;
                if (i + 1 < line.length() && line.charAt(i + 1) == '&') {
                    i += 2;                                      // 2>&1: output joined, nothing written
                    while (i < line.length() && Character.isDigit(line.charAt(i))) i++;
                    i--;
                    continue;
                }
                redirectNext = true;
                text.append(" > ");
                continue;
            }
            if (c == ';' || c == '&' || c == '|') {
                boolean pipe = c == '|' && !(i + 1 < line.length() && line.charAt(i + 1) == '|');
                if (i + 1 < line.length() && line.charAt(i + 1) == c) i++;
                add(out, lineNo, text, words, redirect, pipe, prompt);
                words = new ArrayList<>();
                text = new StringBuilder();
                redirect = null;
                continue;
            }
            text.append(c);
        }
        add(out, lineNo, text, words, redirect, false, prompt);
        return out;
    }

    private static void add(List<ShellCommand> out, int lineNo, StringBuilder text, List<String> words,
                            String redirect, boolean piped, String prompt) {
        if ("/dev/null".equals(redirect)) redirect = null;
        int skip = 0;
        if (!words.isEmpty() && words.get(0).equals("sudo")) {
            skip = 1;
            while (skip < words.size() && words.get(skip).startsWith("-")) skip++;
        }
        List<String> rest = List.copyOf(words.subList(skip, words.size()));
        if (rest.isEmpty() && redirect == null) return;
        String shown = text.toString().strip().replaceAll("\\s+", " ");
        if (skip > 0) shown = shown.replaceFirst("^sudo(\\s+-\\S+)*\\s*", "");
        out.add(new ShellCommand(lineNo, shown, rest, redirect, piped, prompt));
    }
}
