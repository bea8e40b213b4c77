package nslab.command;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.engine.CheckResult;
import nslab.engine.Engine;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.report.CheckRun;
import nslab.trace.Probe;
import nslab.trace.Trace;
import nslab.trace.TraceRequest;

/** After check's table: each failed expectation with the one-line verdict of its trace, so a failure comes with its reason. */
final class CheckVerdicts {
    private CheckVerdicts() {}

    /**
     * The verdict of each result, in their order (null where none): one trace per failed pair of
     * namespace and address, which two expectations naming the same target share. On a lab that
     * {@code drifted} from its script the fix is to apply the script again, not to write more.
     */
    static List<String> of(Engine engine, Lab lab, List<CheckResult> results, boolean drifted) {
        Map<List<String>, CheckResult> pairs = new LinkedHashMap<>();
        for (CheckResult r : results) {
            if (traceable(r)) pairs.putIfAbsent(pair(r), r);
        }
        Map<List<String>, String> traced = verdicts(engine, lab, List.copyOf(pairs.values()), drifted);
        List<String> out = new ArrayList<>();
        for (CheckResult r : results) out.add(traceable(r) ? traced.get(pair(r)) : null);
        return out;
    }

    /** The failed pairs' verdicts, their probes sent side by side; one at a time where that fails, each with its own reason. */
    private static Map<List<String>, String> verdicts(Engine engine, Lab lab, List<CheckResult> failed, boolean drifted) {
        Map<List<String>, String> out = new HashMap<>();
        try {
            List<Trace> traces = engine.traces(lab, failed.stream().map(CheckVerdicts::request).toList(), TraceText.WORDS);
            for (int i = 0; i < failed.size(); i++) out.put(pair(failed.get(i)), onDrifted(traces.get(i), drifted).oneLine());
        } catch (RuntimeException together) {
            for (CheckResult r : failed) out.put(pair(r), verdict(engine, lab, r, drifted));
        }
        return out;
    }

    private static boolean traceable(CheckResult r) {
        return !r.ok() && r.detail() == null && r.address() != null;
    }

    private static List<String> pair(CheckResult r) {
        return Arrays.asList(r.expectation().from(), r.address(), r.expectation().dev());
    }

    private static TraceRequest request(CheckResult r) {
        // where check's own ping of this pair has just gone unanswered, the probe is sent to be counted on its way
        return new TraceRequest(r.expectation().from(), r.address(), Probe.icmp(r.address().contains(":"), r.expectation().dev()), !r.reached());
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
    private static String verdict(Engine engine, Lab lab, CheckResult r, boolean drifted) {
        if (!traceable(r)) return null;
        TraceRequest q = request(r);
        try {
            Trace t = engine.trace(lab, q.from(), q.to(), q.probe(), TraceText.WORDS);
            return onDrifted(t, drifted).oneLine();
        } catch (RuntimeException ex) {
            return "(no trace: " + ex.getMessage() + ")";
        }
    }
}
