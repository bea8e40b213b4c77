package nslab.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.command.Reports;
import nslab.engine.ApplyResult;
import nslab.engine.Drift;
import nslab.engine.Engine;
import nslab.exec.ExecResult;
import nslab.model.Namespace;
import nslab.plan.Plan;

/**
 * Takes a cable down or up, both ends, as the console's {@code link A B up|down} does; bringing it
 * up puts back the lab's routes the kernel dropped with it.
 */
public final class CableSwitch {
    private CableSwitch() {}

    /** The page's request: what ran, and what failed (null when nothing did). */
    static Map<String, Object> set(WebLab web, String a, String b, String state) {
        if (!"up".equals(state) && !"down".equals(state)) throw new IllegalArgumentException("state is up or down, not '" + state + "'");
        if (!web.live()) throw new IllegalArgumentException("lab " + web.lab().name() + " is not live here: apply it first");
        Cables.Cable cable = Cables.of(web.lab()).between(String.valueOf(a), String.valueOf(b))
                .orElseThrow(() -> new IllegalArgumentException("no cable between " + a + " and " + b));
        List<String> ran = new ArrayList<>();
        String failed = null;
        for (Cables.End end : List.of(cable.a(), cable.b())) {
            List<String> argv = WebLab.in(end.namespace(), List.of("ip", "link", "set", "dev", end.iface(), state));
            web.show("+ " + String.join(" ", argv));
            ExecResult r = web.read(null, argv);
            ran.add(String.join(" ", argv));
            if (!r.ok() && failed == null) failed = String.join(" ", argv) + ": " + r.err().strip();
        }
        if (failed == null && state.equals("up")) {
            ApplyResult r = putBackRoutes(web.engine(), web.compiled().plan(), cable);
            if (!r.ok()) failed = Reports.refusal(r);
            else ran.addAll(r.ran());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cable", cable.id());
        m.put("state", state);
        m.put("ran", ran);
        m.put("failed", failed);
        return m;
    }

    /**
     * The kernel drops a namespace's routes through an interface that goes down and does not bring
     * them back with it: the lab's routes in the cable's two namespaces are put back as apply puts
     * back drift (journalled).
     */
    public static ApplyResult putBackRoutes(Engine engine, Plan plan, Cables.Cable cable) {
        Set<String> namespaces = new HashSet<>();
        for (Cables.End end : List.of(cable.a(), cable.b())) namespaces.add(Namespace.HOST.equals(end.namespace()) ? null : end.namespace());
        return engine.apply(plan, d -> d.kind() == Drift.Kind.ROUTE_MISSING && namespaces.contains(d.namespace()));
    }
}
