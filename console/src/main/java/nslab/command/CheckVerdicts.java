package nslab.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import nslab.engine.CheckResult;
import nslab.engine.Engine;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.report.CheckRun;
import nslab.trace.Probe;

/** After check's table: each failed expectation with the one-line verdict of its trace, so a failure comes with its reason. */
final class CheckVerdicts {
    private CheckVerdicts() {}

    /** The verdict of each result, in their order (null where none). */
    static List<String> of(Engine engine, Lab lab, List<CheckResult> results) {
        List<String> out = new ArrayList<>();
        for (CheckResult r : results) out.add(verdict(engine, lab, r));
        return out;
    }

    static void print(CheckRun run, PrintWriter out) {
        for (int i = 0; i < run.results().size(); i++) {
            String why = run.verdicts().get(i);
            Expectation e = run.results().get(i).expectation();
            if (why != null) out.println("  " + e.from() + " -> " + e.target() + ": " + why);
        }
        out.flush();
    }

    /** The trace's one line for a failed expectation; null for one that held or whose namespace is not there. */
    static String verdict(Engine engine, Lab lab, CheckResult r) {
        if (r.ok() || r.detail() != null || r.address() == null) return null;
        Expectation e = r.expectation();
        try {
            return engine.trace(lab, e.from(), r.address(), Probe.icmp(r.address().contains(":"), e.dev())).oneLine();
        } catch (RuntimeException ex) {
            return "(no trace: " + ex.getMessage() + ")";
        }
    }
}
