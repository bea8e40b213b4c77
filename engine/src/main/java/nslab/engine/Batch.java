package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.plan.Command;
import nslab.plan.Tool;
import nslab.exec.ExecResult;

/**
 * Several commands of one tool in one namespace, run by a single process: {@code ip -batch -},
 * {@code tc -batch -}, one {@code sysctl -w a=1 b=2}, one {@code iptables-restore --noflush}.
 * A batch also knows how to read its tool's failure report, so that a failed batch still says
 * which of its commands failed and which had already taken effect.
 */
public final class Batch {
    private static final Pattern BATCH_LINE = Pattern.compile("Command failed -:(\\d+)");
    private static final Pattern RESTORE_LINE = Pattern.compile("(?:Error occurred at line: |line )(\\d+)");
    private static final Pattern SYSCTL_KEY = Pattern.compile("(?:cannot stat /proc/sys/|key \")([^:\" ]+)");

    private final Tool tool;
    private final String namespace;
    private final List<Command> commands;
    private final boolean tolerant;
    /** For iptables-restore: the restore-file line of each command, and where each table's block ends. */
    private final int[] restoreLine;
    private final int[] tableEnd;
    private final String input;

    /**
     * {@code tolerant}: go on past a failing command (used when undoing, where a thing that is
     * already gone is no reason to stop).
     */
    public Batch(Tool tool, String namespace, List<Command> commands, boolean tolerant) {
        if (tool == Tool.RUN) throw new IllegalArgumentException("run commands are started one by one");
        for (Command c : commands) {
            if (c.tool() != tool || !java.util.Objects.equals(c.namespace(), namespace)) {
                throw new IllegalArgumentException("a batch holds one tool in one namespace: " + c);
            }
        }
        this.tool = tool;
        this.namespace = namespace;
        this.commands = List.copyOf(commands);
        this.tolerant = tolerant;
        this.restoreLine = new int[commands.size()];
        this.tableEnd = new int[commands.size()];
        this.input = buildInput();
    }

    public Tool tool() { return tool; }

    public String namespace() { return namespace; }

    public List<Command> commands() { return commands; }

    /** The one process this batch runs. */
    public List<String> argv() {
        List<String> argv = new ArrayList<>();
        if (tool != Tool.IP && namespace != null) argv.addAll(List.of("ip", "netns", "exec", namespace));
        switch (tool) {
            case IP:
                argv.add("ip");
                if (namespace != null) argv.addAll(List.of("-n", namespace));
                if (tolerant) argv.add("-force");
                argv.addAll(List.of("-batch", "-"));
                break;
            case TC:
                argv.add("tc");
                if (tolerant) argv.add("-force");
                argv.addAll(List.of("-batch", "-"));
                break;
            case SYSCTL:
                argv.addAll(List.of("sysctl", "-w"));
                for (Command c : commands) {
                    for (String a : c.args()) if (!a.equals("-w")) argv.add(a);
                }
                break;
            case IPTABLES:
                argv.addAll(List.of("iptables-restore", "--noflush"));
                break;
            default:
                throw new IllegalStateException();
        }
        return argv;
    }

    /** What the process reads on stdin, or null. */
    public String input() {
        return input;
    }

    private String buildInput() {
        if (tool == Tool.IP || tool == Tool.TC) {
            StringBuilder sb = new StringBuilder();
            for (Command c : commands) sb.append(line(c.args())).append('\n');
            return sb.toString();
        }
        if (tool != Tool.IPTABLES) return null;
        // Rules grouped by table, each table's block committed on its own (as iptables-restore does).
        Map<String, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < commands.size(); i++) {
            byTable.computeIfAbsent(table(commands.get(i)), t -> new ArrayList<>()).add(i);
        }
        StringBuilder sb = new StringBuilder();
        int lineNo = 0;
        for (var e : byTable.entrySet()) {
            sb.append('*').append(e.getKey()).append('\n');
            lineNo++;
            for (int i : e.getValue()) {
                sb.append(line(ruleArgs(commands.get(i)))).append('\n');
                restoreLine[i] = ++lineNo;
            }
            sb.append("COMMIT\n");
            lineNo++;
            for (int i : e.getValue()) tableEnd[i] = lineNo;
        }
        return sb.toString();
    }

    static String table(Command c) {
        int t = c.args().indexOf("-t");
        return t >= 0 && t + 1 < c.args().size() ? c.args().get(t + 1) : "filter";
    }

    /** An iptables rule without its {@code -t table}, as a restore file writes it. */
    static List<String> ruleArgs(Command c) {
        List<String> args = new ArrayList<>(c.args());
        int t = args.indexOf("-t");
        if (t >= 0 && t + 1 < args.size()) {
            args.remove(t + 1);
            args.remove(t);
        }
        return args;
    }

    /** One line of a batch file; iproute2, tc and iptables-restore all read double quotes. */
    static String line(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) sb.append(' ');
            if (needsQuotes(a)) {
                sb.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(a);
            }
        }
        return sb.toString();
    }

    /** Empty, or holding whitespace (what regex \s matches), a quote, a backslash or a {@code #}; a plain loop, as it runs for every word of a plan. */
    private static boolean needsQuotes(String a) {
        if (a.isEmpty()) return true;
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (" \t\n\u000B\f\r\"'\\#".indexOf(c) >= 0) return true;
        }
        return false;
    }

    /**
     * Which commands of this batch took effect and which one failed.
     * {@code failed} is -1 when the tool's report does not say; then every command counts as
     * possibly done ({@code done} holds them all), so that undoing errs on the side of cleaning up.
     */
    public record Outcome(List<Integer> done, int failed, String message) {
        public boolean ok() {
            return failed == -1 && message == null;
        }
    }

    public Outcome outcome(ExecResult r) {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) all.add(i);
        if (r.ok()) return new Outcome(all, -1, null);
        String err = (r.err() + "\n" + r.out()).trim();
        int failed = -1;
        List<Integer> done = new ArrayList<>();
        if (tool == Tool.IP || tool == Tool.TC) {
            Matcher m = BATCH_LINE.matcher(err);
            if (m.find()) {
                failed = Integer.parseInt(m.group(1)) - 1;
                for (int i = 0; i < failed; i++) done.add(i);
            }
        } else if (tool == Tool.SYSCTL) {
            Matcher m = SYSCTL_KEY.matcher(err);
            if (m.find()) {
                String key = m.group(1).replace('/', '.');
                for (int i = 0; i < commands.size(); i++) {
                    if (failed < 0 && sysctlKey(commands.get(i)).equals(key)) failed = i;
                    else done.add(i); // sysctl goes on past a bad key
                }
            }
        } else if (tool == Tool.IPTABLES) {
            Matcher m = RESTORE_LINE.matcher(err);
            if (m.find()) {
                int line = Integer.parseInt(m.group(1));
                for (int i = 0; i < commands.size(); i++) {
                    if (restoreLine[i] == line) failed = i;
                    // tables committed before the failing line stay committed
                    if (tableEnd[i] < line) done.add(i);
                }
                if (failed < 0 && !done.isEmpty() && done.size() < commands.size()) failed = done.size();
            }
        }
        if (failed < 0 || failed >= commands.size()) return new Outcome(all, -1, message(err));
        return new Outcome(done, failed, message(err));
    }

    static String sysctlKey(Command c) {
        for (String a : c.args()) {
            int eq = a.indexOf('=');
            if (eq > 0) return a.substring(0, eq);
        }
        return "";
    }

    /** The kernel's words, without the tool's own "Command failed" bookkeeping lines. */
    private static String message(String err) {
        List<String> keep = new ArrayList<>();
        for (String l : err.split("\n")) {
            String t = l.trim();
            if (t.isEmpty() || t.startsWith("Command failed -:") || t.startsWith("Try `iptables-restore")
                    || t.startsWith("Error occurred at line")) continue;
            keep.add(t);
        }
        return keep.isEmpty() ? err : String.join("; ", keep);
    }
}
