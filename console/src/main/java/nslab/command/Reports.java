package nslab.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import nslab.engine.ApplyResult;
import nslab.engine.CheckResult;
import nslab.engine.DestroyResult;
import nslab.engine.Drift;
import nslab.model.Expectation;
import nslab.report.ApplyFailureText;

/**
 * The engine's results as the terminal shows them, on the command line and in the console alike.
 * The engine hands back data; how it reads to a person is decided here, and only here.
 */
public final class Reports {
    private Reports() {}

    /** A signal while apply checked the expectations of the lab it had built. */
    static String stoppedWhileChecking(String lab) {
        return "nslab apply: stopped while checking the expectations; lab " + lab + " was built and stays live"
                + " (nothing was undone): 'nslab destroy " + lab + "' removes it";
    }

    /** What an apply did; {@code planned}: how many steps the whole plan has (all ran: a fresh apply). */
    public static void apply(PrintWriter out, PrintWriter err, String lab, int planned, ApplyResult r) {
        switch (r.status()) {
            case CONFLICT:
                err.println("nslab apply: lab " + lab + ": stopped before changing anything:");
                for (String conflict : r.conflicts()) err.println("    " + conflict);
                err.println("    remove or rename it, or rename it in the script");
                break;
            case FAILED:
                err.println("nslab apply: lab " + lab + " failed");
                err.println(ApplyFailureText.of(r.failure()));
                break;
            case UP_TO_DATE:
                out.println("lab " + lab + " is up to date: nothing changed");
                break;
            default:
                if (r.undone().isEmpty() && r.ran().size() == planned) {
                    out.println("lab " + lab + " applied: " + r.ran().size() + " commands");
                } else {
                    out.println("lab " + lab + " updated: " + r.ran().size() + " commands run, " + r.undone().size() + " undone");
                    for (String u : r.undone()) out.println("  - " + u);
                    for (String a : r.ran()) out.println("  + " + a);
                }
        }
        out.flush();
        err.flush();
    }

    /**
     * Why an apply of a console line did not take, in one line (the console prints it at the line):
     * what was in the way, or the command the kernel refused and what it said.
     */
    public static String refusal(ApplyResult r) {
        if (r.status() == ApplyResult.Status.CONFLICT) {
            return "in the way, and not the lab's to change (nothing was changed): " + String.join("; ", r.conflicts());
        }
        ApplyResult.Failure f = r.failure();
        if (f == null) return "applying failed";
        return "the kernel refused: " + f.command()
                + (f.kernelSaid() == null || f.kernelSaid().isBlank() ? "" : ": " + f.kernelSaid().strip())
                + (f.hint() == null ? "" : " (" + f.hint() + ")")
                + (f.restored() ? "" : "; some of it could not be undone: destroy removes the rest");
    }

    /** What a destroy did: the count, or what is still there. */
    public static void destroy(PrintWriter out, PrintWriter err, String lab, DestroyResult r) {
        for (String note : r.notes()) err.println("nslab destroy: lab " + lab + ": " + note);
        if (!r.leftOver().isEmpty()) {
            err.println("nslab destroy: lab " + lab + ": still there after destroy: " + String.join(", ", r.leftOver()));
        } else {
            out.println("lab " + lab + " destroyed: " + r.namespaces().size() + " namespaces, " + r.undone().size() + " undo commands");
        }
        out.flush();
        err.flush();
    }

    /** The expectations checked, as a table (from, to, expected, got), and a line that sums them up. */
    public static void checks(PrintWriter out, List<CheckResult> results) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"from", "to", "expected", "got", ""});
        int failed = 0;
        for (CheckResult r : results) {
            Expectation e = r.expectation();
            String to = r.address() == null || r.address().equals(e.target()) ? e.target() : e.target() + " (" + r.address() + ")";
            if (e.dev() != null) to += " via " + e.dev();
            rows.add(new String[] {e.from(), to, r.expected(), r.got(), r.ok() ? "ok" : "FAILED"});
            if (!r.ok()) failed++;
        }
        int[] width = new int[4];
        for (String[] row : rows) for (int i = 0; i < 4; i++) width[i] = Math.max(width[i], row[i].length());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < 4; i++) line.append(String.format("%-" + width[i] + "s  ", row[i]));
            out.println(line.append(row[4]).toString().stripTrailing());
        }
        out.println(failed == 0 ? (results.size() == 1 ? "the 1 expectation holds" : "all " + results.size() + " expectations hold")
                : failed + " of " + results.size() + (results.size() == 1 ? " expectation failed" : " expectations failed"));
        out.flush();
    }

    /** How a live lab differs from its script (nothing when it does not): one line each, then what puts it back. */
    public static void drift(PrintWriter out, String lab, List<Drift> drifts) {
        if (drifts.isEmpty()) return;
        out.println("lab " + lab + " is not as its script has it:");
        boolean restorable = false;
        for (Drift d : drifts) {
            String line = d.step() != null && d.step().source() != null && d.step().source().line() > 0
                    ? "  (" + d.step().source() + ")" : "";
            out.println("  " + (d.namespace() == null ? "host" : d.namespace()) + ": " + drift(d) + line);
            restorable |= d.restorable();
        }
        if (restorable) out.println("apply puts back what the script declares");
        out.flush();
    }

    /** One drift in words. */
    static String drift(Drift d) {
        return switch (d.kind()) {
            case NAMESPACE_MISSING -> "the namespace is gone";
            case DEVICE_MISSING -> "interface " + d.subject() + " is gone";
            case DOWN -> d.subject() + " is down; the script has it up";
            case SETTING_DIFFERS -> d.subject() + " has " + d.found() + "; the script sets " + d.wanted();
            case ADDRESS_MISSING -> "address " + d.subject() + " is missing";
            case ROUTE_MISSING -> d.found() == null
                    ? "route " + d.subject() + (d.wanted() != null ? " via " + d.wanted() : "") + " is missing"
                    : "route " + d.subject() + " goes via " + d.found() + ", not via " + d.wanted() + " as the script has it";
            case SYSCTL_DIFFERS -> d.subject() + " is " + d.found() + "; the script sets " + d.wanted();
            case EXTRA_DEVICE -> "interface " + d.subject() + " is not the script's";
            case EXTRA_ADDRESS -> "address " + d.subject() + " is not the script's";
            case EXTRA_ROUTE -> "route " + d.subject() + " is not the script's";
        };
    }
}
