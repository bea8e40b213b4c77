package nslab.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.exec.LiveState;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * What the page's live picture needs each second: each cable's state (up, down, no carrier, not
 * live) and the packets each end has sent and received, read with one {@code ip -s -j link} per
 * namespace.
 */
final class LiveSample {
    private LiveSample() {}

    /** One interface as the kernel has it. */
    record Port(boolean adminUp, boolean carrier, long rx, long tx) {}

    static Map<String, Object> of(WebLab web) {
        Lab lab = web.lab();
        boolean live = web.live();
        Map<String, Map<String, Port>> ports = new HashMap<>();
        if (live) for (Namespace ns : lab.namespaces()) ports.put(ns.name(), ports(web, ns.name()));
        List<Map<String, Object>> cables = new ArrayList<>();
        for (Cables.Cable c : Cables.of(lab).all()) {
            Port a = ports.getOrDefault(c.a().namespace(), Map.of()).get(c.a().iface());
            Port b = ports.getOrDefault(c.b().namespace(), Map.of()).get(c.b().iface());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("state", state(a, b));
            m.put("a", end(c.a(), a));
            m.put("b", end(c.b(), b));
            cables.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lab", lab.name());
        out.put("live", live);
        out.put("cables", cables);
        return out;
    }

    /** A cable is down when either end is set down, without carrier when an end is up but hears nothing. */
    static String state(Port a, Port b) {
        if (a == null || b == null) return "not live";
        if (!a.adminUp() || !b.adminUp()) return "down";
        if (!a.carrier() || !b.carrier()) return "no carrier";
        return "up";
    }

    private static Map<String, Object> end(Cables.End end, Port p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("namespace", end.namespace());
        m.put("iface", end.iface());
        m.put("rx", p == null ? null : p.rx());
        m.put("tx", p == null ? null : p.tx());
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Port> ports(WebLab web, String namespace) {
        Map<String, Port> out = new HashMap<>();
        String json = web.read(namespace, List.of("ip", "-s", "-j", "link", "show")).out();
        for (Map<String, Object> l : LiveState.objects(json)) {
            List<Object> flags = l.get("flags") instanceof List ? (List<Object>) l.get("flags") : List.of();
            Map<String, Object> stats = l.get("stats64") instanceof Map ? (Map<String, Object>) l.get("stats64") : Map.of();
            out.put(String.valueOf(l.get("ifname")), new Port(flags.contains("UP"), !flags.contains("NO-CARRIER"),
                    packets(stats.get("rx")), packets(stats.get("tx"))));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static long packets(Object direction) {
        return direction instanceof Map && ((Map<String, Object>) direction).get("packets") instanceof Number n ? n.longValue() : 0;
    }
}
