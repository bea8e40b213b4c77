package nslab.command;

import java.util.ArrayList;
import java.util.List;
import nslab.trace.Hop;
import nslab.trace.Trace;

/** A trace as text (a hop a line, its lab line under it), for the command line and the console; its JSON is {@code JsonShapes.trace}. */
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
}
