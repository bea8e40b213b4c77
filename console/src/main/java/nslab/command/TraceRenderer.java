package nslab.command;

import groovy.json.JsonOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.trace.Hop;
import nslab.trace.Trace;

/** A trace as text (a hop a line, its lab line under it) or as JSON, for the command line and the console. */
public final class TraceRenderer {
    private TraceRenderer() {}

    public static String text(Trace t) {
        StringBuilder out = new StringBuilder();
        out.append("trace ").append(t.from()).append(" -> ").append(t.to())
                .append(t.to().equals(t.address()) ? "" : " (" + t.address() + ")")
                .append(", ").append(t.probe().describe()).append(t.probe().dev() != null ? " out of " + t.probe().dev() : "")
                .append(t.live() ? ": the kernel asked at each hop, one probe sent and counted"
                        : ": the lab is not live, so this is read from the script; nothing was sent or confirmed")
                .append('\n');
        int width = 0;
        for (Hop h : all(t)) width = Math.max(width, h.namespace().length());
        section(out, "there", t.there(), width);
        if (!t.back().isEmpty()) section(out, "back", t.back(), width);
        out.append(t.ok() ? "ok: " : "STOPPED: ").append(t.verdict()).append('\n');
        if (t.fix() != null) out.append("fix: ").append(t.fix()).append('\n');
        if (t.confirmed() != null) {
            String[] words = switch (t.probe().kind()) {
                case ICMP -> new String[] {"answered", "no answer"};
                case TCP -> new String[] {"connected", "not connected"};
                case UDP -> new String[] {"delivered", "not delivered"};
            };
            out.append("probe: ").append(t.confirmed() ? words[0] : words[1])
                    .append(t.confirmed() == t.reached() ? ", as the walk says" : "").append('\n');
        }
        if (t.disagreement() != null) out.append("DISAGREE: ").append(t.disagreement()).append('\n');
        return out.toString();
    }

    private static List<Hop> all(Trace t) {
        List<Hop> hops = new ArrayList<>(t.there());
        hops.addAll(t.back());
        return hops;
    }

    private static void section(StringBuilder out, String name, List<Hop> hops, int width) {
        out.append(name).append(":\n");
        for (Hop h : hops) {
            StringBuilder line = new StringBuilder("  ").append(pad(h.namespace(), width)).append("  ");
            if (h.in() != null) line.append("in ").append(h.in()).append("  ");
            if (h.out() != null) line.append("out ").append(h.out()).append("  ");
            line.append(h.kind() == Hop.Kind.STOP ? "STOP: " : "").append(h.decision());
            if (h.seen() != null) line.append(h.seen() ? "  [probe counted]" : "  [probe not counted]");
            out.append(line).append('\n');
            if (h.source() != null) {
                out.append("  ").append(" ".repeat(width)).append("    ").append(h.source())
                        .append(h.line() == null || h.line().isEmpty() ? "" : "  " + h.line()).append('\n');
            }
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    public static String json(Trace t) {
        Map<String, Object> m = new LinkedHashMap<>();
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
        return JsonOutput.toJson(m);
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
