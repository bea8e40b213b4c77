package nslab.render;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;

/** The topology of a lab: text for the terminal, Graphviz dot, or Mermaid for documents. */
public final class GraphRenderer {
    public enum Format { TEXT, DOT, MERMAID }

    /** A cable between two interfaces: a veth pair, or a port plugged into its bridge. */
    private record Edge(Interface a, Interface b, boolean bridgePort) {}

    public String render(Lab lab, Format format) {
        List<Edge> edges = edges(lab);
        return switch (format) {
            case TEXT -> text(lab, edges);
            case DOT -> dot(lab, edges);
            case MERMAID -> mermaid(lab, edges);
        };
    }

    private static List<Edge> edges(Lab lab) {
        List<Edge> edges = new ArrayList<>();
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Veth v && v.primary() && v.peerNamespace() != null) {
                    lab.namespace(v.peerNamespace()).flatMap(p -> p.iface(v.peerName()))
                            .ifPresent(peer -> edges.add(new Edge(i, peer, false)));
                }
                if (i.master() != null) ns.iface(i.master()).ifPresent(b -> edges.add(new Edge(i, b, true)));
            }
        }
        return edges;
    }

    private static String describe(Namespace ns, Interface i) {
        String kind = i.kind() instanceof DeviceKind.Veth ? "" : " (" + kindText(i) + ")";
        List<String> addrs = ns.addressesOf(i.name()).stream().map(Address::text).toList();
        return i.name() + kind + (addrs.isEmpty() ? "" : " " + String.join(", ", addrs)) + (i.up() ? "" : " [down]");
    }

    private static String kindText(Interface i) {
        if (i.kind() instanceof DeviceKind.Macvlan m) return "macvlan on " + m.parentText();
        if (i.kind() instanceof DeviceKind.Vlan v) return "vlan " + v.id() + " on " + v.parent();
        if (i.kind() instanceof DeviceKind.Vxlan x) return "vxlan " + x.id() + (x.remote() != null ? " to " + x.remote() : "");
        return i.kind().word();
    }

    /**
     * The routes of {@code routes 'auto'} as one line per neighbour they go through: a hundred
     * namespaces have ten thousand of them, which listed one by one would bury the picture.
     */
    private static void autoRoutes(Namespace ns, StringBuilder out) {
        java.util.Map<String, Integer> byNeighbour = new java.util.LinkedHashMap<>();
        ns.routes().stream().filter(r -> r.auto() != null)
                .forEach(r -> byNeighbour.merge(r.auto().viaNamespace() + " (" + r.via() + ")", 1, Integer::sum));
        byNeighbour.forEach((via, n) -> out.append("  routes 'auto': ").append(n).append(n == 1 ? " subnet" : " subnets")
                .append(" via ").append(via).append('\n'));
    }

    private static String text(Lab lab, List<Edge> edges) {
        StringBuilder out = new StringBuilder("lab ").append(lab.name()).append('\n');
        for (Namespace ns : lab.namespaces()) {
            out.append("\n[").append(ns.name()).append("]").append(ns.host() ? " (the machine itself)" : "")
                    .append(ns.forward() ? "  forwards packets" : "").append('\n');
            for (Interface i : ns.interfaces()) {
                out.append("  ").append(describe(ns, i));
                if (i.master() != null) out.append("  -> port of ").append(i.master());
                out.append('\n');
            }
            for (Route r : ns.routes()) {
                if (r.auto() != null) continue;
                out.append("  route ").append(r.destination()).append(r.via() != null ? " via " + r.via() : "")
                        .append(r.dev() != null ? " dev " + r.dev() : "").append('\n');
            }
            autoRoutes(ns, out);
        }
        List<Edge> cables = edges.stream().filter(e -> !e.bridgePort()).toList();
        if (!cables.isEmpty()) {
            out.append("\nveth cables\n");
            for (Edge e : cables) {
                out.append("  ").append(e.a().namespace()).append(':').append(e.a().name()).append(" <----> ")
                        .append(e.b().namespace()).append(':').append(e.b().name()).append('\n');
            }
        }
        List<Edge> ports = edges.stream().filter(Edge::bridgePort).toList();
        if (!ports.isEmpty()) {
            out.append("\nbridges\n");
            ports.stream().collect(Collectors.groupingBy(e -> e.b().namespace() + ":" + e.b().name(),
                            java.util.LinkedHashMap::new, Collectors.toList()))
                    .forEach((bridge, list) -> out.append("  ").append(bridge).append(" [ ")
                            .append(list.stream().map(e -> e.a().name()).collect(Collectors.joining(" | ")))
                            .append(" ]\n"));
        }
        return out.toString();
    }

    private static String id(Interface i) {
        return (i.namespace() + "_" + i.name()).replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String dot(Lab lab, List<Edge> edges) {
        StringBuilder out = new StringBuilder("graph \"").append(lab.name()).append("\" {\n");
        out.append("  rankdir=LR;\n  node [shape=box, fontname=\"monospace\"];\n");
        for (Namespace ns : lab.namespaces()) {
            out.append("  subgraph \"cluster_").append(ns.name()).append("\" {\n");
            out.append("    label=\"").append(ns.name()).append(ns.host() ? " (host)" : "").append("\";\n");
            for (Interface i : ns.interfaces()) {
                out.append("    ").append(id(i)).append(" [label=\"").append(describe(ns, i).replace("\"", "'"))
                        .append("\"];\n");
            }
            out.append("  }\n");
        }
        for (Edge e : edges) {
            out.append("  ").append(id(e.a())).append(" -- ").append(id(e.b()))
                    .append(e.bridgePort() ? " [style=dashed];\n" : ";\n");
        }
        return out.append("}\n").toString();
    }

    private static String mermaid(Lab lab, List<Edge> edges) {
        StringBuilder out = new StringBuilder("graph LR\n");
        for (Namespace ns : lab.namespaces()) {
            out.append("  subgraph ns_").append(ns.name().replaceAll("[^A-Za-z0-9_]", "_")).append("[\"")
                    .append(ns.name()).append("\"]\n");
            for (Interface i : ns.interfaces()) {
                out.append("    ").append(id(i)).append("[\"").append(describe(ns, i).replace("\"", "'"))
                        .append("\"]\n");
            }
            out.append("  end\n");
        }
        for (Edge e : edges) {
            out.append("  ").append(id(e.a())).append(e.bridgePort() ? " -.- " : " --- ").append(id(e.b())).append('\n');
        }
        return out.toString();
    }
}
