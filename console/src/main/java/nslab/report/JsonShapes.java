package nslab.report;

import groovy.json.JsonOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.engine.ApplyResult;
import nslab.engine.CheckResult;
import nslab.engine.Drift;
import nslab.model.Expectation;
import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Plan;
import nslab.plan.Step;
import nslab.trace.Hop;
import nslab.trace.Trace;

/**
 * The {@code --json} documents of plan, status, check, apply and trace: one object each, whose
 * first field {@code format} names the shape and its version ({@code nslab.plan/1}). A version
 * changes only when a field is removed or changes its meaning; new fields may appear within one.
 * docs/reference.md documents every field, and {@code ReferencePageSpec} holds the two together.
 */
public final class JsonShapes {
    public static final int VERSION = 1;

    private JsonShapes() {}

    /** {@code nslab.KIND/1}. */
    public static String format(String kind) {
        return "nslab." + kind + "/" + VERSION;
    }

    /** The document as one line of JSON. */
    public static String text(Map<String, Object> document) {
        return JsonOutput.toJson(document);
    }

    public static Map<String, Object> plan(Plan plan) {
        Map<String, Object> m = document("plan");
        m.put("lab", plan.lab().name());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step s = plan.steps().get(i);
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("index", i + 1);
            step.put("phase", s.phase().name().toLowerCase());
            step.put("namespace", s.namespace());
            step.put("argv", s.command().argv());
            step.put("undo", argv(s.undo()));
            step.put("background", s.background());
            step.put("source", source(s.source()));
            step.put("line", plan.lab().line(s.source()).strip());
            step.put("explanation", s.explanation());
            steps.add(step);
        }
        m.put("steps", steps);
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (Expectation e : plan.lab().expectations()) expectations.add(expectation(e));
        m.put("expectations", expectations);
        return m;
    }

    /** Every live lab (or the one asked for) as the engine reads it from the kernel. */
    public static Map<String, Object> status(List<Map<String, Object>> labs) {
        Map<String, Object> m = document("status");
        m.put("labs", labs);
        return m;
    }

    /** {@code drift}: how the live lab differs from its script (empty when it does not, or is not live). */
    public static Map<String, Object> check(CheckRun run, List<Drift> drift) {
        Map<String, Object> m = document("check");
        m.putAll(checks(run));
        m.put("drift", drift(drift));
        return m;
    }

    /** A lab of {@link #status} with its drift beside what the kernel has. */
    public static Map<String, Object> withDrift(Map<String, Object> lab, List<Drift> drift) {
        Map<String, Object> m = new LinkedHashMap<>(lab);
        m.put("drift", drift(drift));
        return m;
    }

    /**
     * Each way the live lab differs from its script, as data: what differs ({@code kind}), where,
     * which object, what the script has and what the kernel has, and whether apply puts it back.
     */
    static List<Map<String, Object>> drift(List<Drift> drifts) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Drift d : drifts) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", d.kind().name().toLowerCase());
            m.put("namespace", d.namespace());
            m.put("object", d.subject());
            m.put("expected", d.wanted());
            m.put("actual", d.found());
            m.put("restorable", d.restorable());
            m.put("source", d.step() == null ? null : source(d.step().source()));
            out.add(m);
        }
        return out;
    }

    public static Map<String, Object> apply(ApplyRun run) {
        Map<String, Object> m = document("apply");
        ApplyResult r = run.result();
        m.put("lab", run.lab());
        m.put("status", r.status().name().toLowerCase());
        m.put("ok", r.ok());
        m.put("planned", run.planned());
        m.put("ran", r.ran());
        m.put("undone", r.undone());
        m.put("conflicts", r.conflicts());
        m.put("failure", failure(r.failure()));
        m.put("signal", r.signal());
        Map<String, Object> timing = new LinkedHashMap<>();
        timing.put("compileMs", run.compileMillis());
        timing.put("applyMs", run.applyMillis());
        m.put("timing", timing);
        m.put("check", run.check() == null ? null : checks(run.check()));
        return m;
    }

    public static Map<String, Object> trace(Trace t) {
        Map<String, Object> m = document("trace");
        m.put("from", t.from());
        m.put("to", t.to());
        m.put("address", t.address());
        Map<String, Object> probe = new LinkedHashMap<>();
        probe.put("kind", t.probe().kind().name().toLowerCase());
        if (t.probe().port() > 0) probe.put("port", t.probe().port());
        probe.put("ipv6", t.probe().v6());
        if (t.probe().dev() != null) probe.put("dev", t.probe().dev());
        m.put("probe", probe);
        m.put("live", t.live());
        m.put("ok", t.ok());
        m.put("reached", t.reached());
        m.put("confirmed", t.confirmed());
        m.put("verdict", t.verdict());
        m.put("fix", t.fix());
        m.put("disagreement", t.disagreement());
        m.put("there", hops(t.there()));
        m.put("back", hops(t.back()));
        return m;
    }

    private static Map<String, Object> document(String kind) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", format(kind));
        return m;
    }

    /** The body of a check, shared by check's document and apply's {@code check}. */
    private static Map<String, Object> checks(CheckRun run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", run.lab());
        m.put("live", run.live());
        m.put("ok", run.ok());
        m.put("total", run.results().size());
        m.put("failed", run.failed());
        m.put("durationMs", run.millis());
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < run.results().size(); i++) {
            CheckResult r = run.results().get(i);
            Map<String, Object> e = expectation(r.expectation());
            e.put("address", r.address());
            e.put("got", r.got());
            e.put("ok", r.ok());
            e.put("detail", r.detail());
            e.put("verdict", run.verdicts().get(i));
            e.put("probe", r.probe());
            out.add(e);
        }
        m.put("expectations", out);
        return m;
    }

    private static Map<String, Object> expectation(Expectation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", e.from());
        m.put("to", e.target());
        m.put("dev", e.dev());
        m.put("expected", e.reachable() ? "reachable" : "unreachable");
        m.put("source", source(e.source()));
        return m;
    }

    private static Map<String, Object> failure(ApplyResult.Failure f) {
        if (f == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("command", f.command());
        m.put("kernelSaid", f.kernelSaid());
        m.put("hint", f.hint());
        m.put("source", source(f.source()));
        m.put("line", f.scriptLine() == null ? null : f.scriptLine().strip());
        m.put("restored", f.restored());
        m.put("message", ApplyFailureText.of(f));
        return m;
    }

    private static List<String> argv(Command c) {
        return c == null ? null : c.argv();
    }

    private static Map<String, Object> source(Source s) {
        if (s == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.file());
        m.put("line", s.line());
        return m;
    }

    private static List<Map<String, Object>> hops(List<Hop> hops) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hop h : hops) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("kind", h.kind().name().toLowerCase());
            m.put("namespace", h.namespace());
            m.put("in", h.in());
            m.put("out", h.out());
            m.put("decision", h.decision());
            m.put("source", h.source() == null ? null : h.source().toString());
            m.put("line", h.line());
            m.put("seen", h.seen());
            out.add(m);
        }
        return out;
    }
}
