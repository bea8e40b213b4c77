package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.exec.ExecResult;
import nslab.exec.Outcome;
import nslab.plan.Operation;
import nslab.plan.Tool;

/**
 * Several operations of one tool in one namespace, and the single process that carries them
 * out when the executor does not: {@code ip -batch -}, {@code tc -batch -}, one
 * {@code sysctl -w a=1 b=2}, one {@code iptables-restore --noflush}, each line the operation's
 * own words. A batch also reads its tool's failure report (the one place where the engine reads
 * a program's words back), so that a failed batch still says which of its operations failed and
 * which had already taken effect.
 */
public final class Batch {
    private static final Pattern BATCH_LINE = Pattern.compile("Command failed -:(\\d+)");
    private static final Pattern RESTORE_LINE = Pattern.compile("(?:Error occurred at line: |line )(\\d+)");
    private static final Pattern SYSCTL_KEY = Pattern.compile("(?:cannot stat /proc/sys/|key \")([^:\" ]+)");

    private final Tool tool;
    private final String namespace;
    private final List<Operation> operations;
    private final boolean tolerant;
    /** For iptables-restore: the restore-file line of each command, and where each table's block ends. */
    private final int[] restoreLine;
    private final int[] tableEnd;
    private final String input;

    /**
     * {@code tolerant}: go on past a failing command (used when undoing, where a thing that is
     * already gone is no reason to stop).
     */
    public Batch(Tool tool, String namespace, List<Operation> operations, boolean tolerant) {
        if (tool == Tool.RUN) throw new IllegalArgumentException("run commands are started one by one");
        for (Operation o : operations) {
            if (o.tool() != tool || !java.util.Objects.equals(o.at(), namespace)) {
                throw new IllegalArgumentException("a batch holds one tool in one namespace: " + o);
            }
        }
        this.tool = tool;
        this.namespace = namespace;
        this.operations = List.copyOf(operations);
        this.tolerant = tolerant;
        this.restoreLine = new int[operations.size()];
        this.tableEnd = new int[operations.size()];
        this.input = buildInput();
    }

    public Tool tool() { return tool; }

    public String namespace() { return namespace; }

    public List<Operation> operations() { return operations; }

    public boolean tolerant() { return tolerant; }

    /** Carries the batch out through {@code exec}: itself when it can, else by running {@link #argv}. */
    public Outcome carryOut(nslab.exec.Executor exec) {
        Outcome o = exec.carryOut(namespace, tool, operations, tolerant);
        return o != null ? o : outcome(exec.run(argv(), input()));
    }

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
                for (Operation o : operations) {
                    for (String a : o.args()) if (!a.equals("-w")) argv.add(a);
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
            for (Operation o : operations) sb.append(line(o.args())).append('\n');
            return sb.toString();
        }
        if (tool != Tool.IPTABLES) return null;
        // Rules grouped by table, each table's block committed on its own (as iptables-restore does).
        Map<String, List<Integer>> byTable = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            byTable.computeIfAbsent(table(operations.get(i)), t -> new ArrayList<>()).add(i);
        }
        StringBuilder sb = new StringBuilder();
        int lineNo = 0;
        for (var e : byTable.entrySet()) {
            sb.append('*').append(e.getKey()).append('\n');
            lineNo++;
            for (int i : e.getValue()) {
                sb.append(line(ruleArgs(operations.get(i)))).append('\n');
                restoreLine[i] = ++lineNo;
            }
            sb.append("COMMIT\n");
            lineNo++;
            for (int i : e.getValue()) tableEnd[i] = lineNo;
        }
        return sb.toString();
    }

    /** An iptables operation's table. */
    static String table(Operation o) {
        if (o instanceof Operation.IptablesRule r) return r.table();
        int t = o.args().indexOf("-t");
        return t >= 0 && t + 1 < o.args().size() ? o.args().get(t + 1) : "filter";
    }

    /** An iptables rule without its {@code -t table}, as a restore file writes it. */
    static List<String> ruleArgs(Operation o) {
        List<String> args = new ArrayList<>(o.args());
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

    /** Which operations took effect and which one failed, read from the report of the process that ran them. */
    public Outcome outcome(ExecResult r) {
        if (r.ok()) return Outcome.allDone(operations.size());
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
                for (int i = 0; i < operations.size(); i++) {
                    if (failed < 0 && sysctlKey(operations.get(i)).equals(key)) failed = i;
                    else done.add(i); // sysctl goes on past a bad key
                }
            }
        } else if (tool == Tool.IPTABLES) {
            Matcher m = RESTORE_LINE.matcher(err);
            if (m.find()) {
                int line = Integer.parseInt(m.group(1));
                for (int i = 0; i < operations.size(); i++) {
                    if (restoreLine[i] == line) failed = i;
                    // tables committed before the failing line stay committed
                    if (tableEnd[i] < line) done.add(i);
                }
                if (failed < 0 && !done.isEmpty() && done.size() < operations.size()) failed = done.size();
            }
        }
        if (failed < 0 || failed >= operations.size()) return Outcome.unlocated(operations.size(), message(err));
        return new Outcome(done, failed, 0, message(err));
    }

    static String sysctlKey(Operation o) {
        if (o instanceof Operation.SetSysctl s) return s.key();
        for (String a : o.args()) {
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
