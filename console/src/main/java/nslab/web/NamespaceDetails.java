package nslab.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.exec.ExecResult;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.plan.Effect;
import nslab.plan.Plan;
import nslab.plan.Step;

/**
 * What the page shows when a namespace is clicked: its addresses and routes, neighbours and
 * iptables rules as the kernel has them now (when the lab is live), and the sysctls the lab sets
 * there, each with its lab line and the value the kernel has now.
 */
final class NamespaceDetails {
    private NamespaceDetails() {}

    static Map<String, Object> of(WebLab web, String name) {
        Lab lab = web.lab();
        Namespace ns = lab.namespace(name).orElseThrow(() -> new IllegalArgumentException("no namespace '" + name + "' in lab " + lab.name()));
        boolean live = web.live() && (ns.host() || web.engine().live().namespaces().contains(name));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", name);
        m.put("live", live);
        m.put("forward", ns.forward());
        Map<String, Object> kernel = live ? web.engine().live().describe(ns.host() ? null : name) : Map.of();
        m.put("interfaces", live ? kernel.get("interfaces") : fromScript(ns));
        m.put("routes", kernel.getOrDefault("routes", List.of()));
        m.put("neighbours", live ? lines(web.read(name, List.of("ip", "neigh", "show"))) : List.of());
        m.put("iptables", live ? lines(web.read(name, List.of("iptables-save"))).stream().filter(l -> !l.startsWith("#")).toList() : List.of());
        m.put("sysctls", sysctls(web, web.compiled().plan(), ns, live));
        return m;
    }

    private static List<Map<String, Object>> fromScript(Namespace ns) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Interface i : ns.interfaces()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("kind", i.kind().word());
            m.put("state", i.up() ? "up in the script" : "down in the script");
            m.put("addresses", ns.addressesOf(i.name()).stream().map(Address::text).toList());
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> sysctls(WebLab web, Plan plan, Namespace ns, boolean live) {
        List<Map<String, Object>> out = new ArrayList<>();
        String at = ns.host() ? null : ns.name();
        for (Step s : plan.steps()) {
            Effect e = s.effect();
            if (e.kind() != Effect.Kind.SYSCTL || !java.util.Objects.equals(e.namespace(), at)) continue;
            String setting = s.command().args().get(s.command().args().size() - 1);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("key", e.name());
            m.put("lab", setting.substring(setting.indexOf('=') + 1));
            m.put("now", live ? web.read(ns.name(), List.of("sysctl", "-n", e.name())).out().strip() : null);
            m.put("source", s.source() == null ? null : s.source().toString());
            m.put("line", s.source() == null ? null : plan.lab().line(s.source()).strip());
            out.add(m);
        }
        return out;
    }

    private static List<String> lines(ExecResult r) {
        if (!r.ok()) return List.of("(" + (r.err().isBlank() ? "could not be read" : r.err().strip()) + ")");
        return r.out().lines().filter(l -> !l.isBlank()).toList();
    }
}
