package nslab.command;

import java.io.PrintWriter;
import java.util.List;
import nslab.engine.CheckResult;
import nslab.engine.Engine;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.trace.Probe;

/** After check's table: each failed expectation with the one-line verdict of its trace, so a failure comes with its reason. */
final class CheckVerdicts {
    private CheckVerdicts() {}

    static void print(Engine engine, Lab lab, List<CheckResult> results, PrintWriter out) {
        for (CheckResult r : results) {
            String why = verdict(engine, lab, r);
            if (why != null) out.println("  " + r.expectation().from() + " -> " + r.expectation().target() + ": " + why);
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
