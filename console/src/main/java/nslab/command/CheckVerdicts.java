package nslab.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nslab.engine.CheckResult;
import nslab.engine.Engine;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.report.CheckRun;
import nslab.trace.Probe;
import nslab.trace.Trace;

/** After check's table: each failed expectation with the one-line verdict of its trace, so a failure comes with its reason. */
final class CheckVerdicts {
    private CheckVerdicts() {}

    /**
     * The verdict of each result, in their order (null where none): one trace per failed pair of
     * namespace and address, which two expectations naming the same target share. On a lab that
     * {@code drifted} from its script the fix is to apply the script again, not to write more.
     */
    static List<String> of(Engine engine, Lab lab, List<CheckResult> results, boolean drifted) {
        List<String> out = new ArrayList<>();
        Map<List<String>, String> traced = new HashMap<>();
        for (CheckResult r : results) {
            Expectation e = r.expectation();
            List<String> pair = Arrays.asList(e.from(), r.address(), e.dev());
            out.add(r.ok() ? null : traced.computeIfAbsent(pair, p -> verdict(engine, lab, r, drifted)));
        }
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

    /**
     * On a lab that drifted from its script, a fix gives way to applying the script again, unless it already puts
     * the lab back (the console's {@code link A B up}, or apply itself). check and trace both say it so.
     */
    static Trace onDrifted(Trace t, boolean drifted) {
        if (!drifted || t.fix() == null || t.fix().contains("at the console") || t.fix().contains("apply the lab again")) return t;
        return t.withFix("the lab is not as its script has it: apply puts it back");
    }

    /** The trace's one line for a failed expectation; null for one that held or whose namespace is not there. */
    static String verdict(Engine engine, Lab lab, CheckResult r, boolean drifted) {
        if (r.ok() || r.detail() != null || r.address() == null) return null;
        Expectation e = r.expectation();
        try {
            Trace t = engine.trace(lab, e.from(), r.address(), Probe.icmp(r.address().contains(":"), e.dev()), TraceText.WORDS);
            return onDrifted(t, drifted).oneLine();
        } catch (RuntimeException ex) {
            return "(no trace: " + ex.getMessage() + ")";
        }
    }
}
