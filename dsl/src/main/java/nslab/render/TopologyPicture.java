package nslab.render;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab as a picture, in Graphviz's dot language for {@code dot -Tsvg}: each namespace a box,
 * each bridge a hexagon, each cable a line with the interface and its addresses written at its
 * ends; a cable that is down is drawn dashed and labelled so. Namespaces, bridges and cables carry
 * ids ({@code ns:NAME}, {@code bridge:NS/NAME}, {@code cable:NS/IFACE} of the cable's first end),
 * which the SVG keeps, for the web page to colour them. Interfaces that are not the end of a
 * cable (TUN, TAP, MACVLAN, VXLAN, VLAN) are listed in their namespace's box.
 */
public final class TopologyPicture {
    /** Whether an interface is up: the live lab's state, or null where it is not known (the script says). */
    public interface Links {
        Boolean up(String namespace, String iface);

        Links FROM_SCRIPT = (namespace, iface) -> null;
    }

    public String dot(Lab lab, Links links) {
        StringBuilder out = new StringBuilder("graph ").append(quote(lab.name())).append(" {\n");
        out.append("  graph [rankdir=LR, nodesep=0.6, ranksep=1.6, fontname=\"Helvetica\", labelloc=t, label=")
                .append(quote("lab " + lab.name())).append("];\n");
        out.append("  node [fontname=\"Helvetica\", fontsize=12];\n");
        out.append("  edge [fontname=\"Helvetica\", fontsize=10, labelfontsize=9, labeldistance=2.2, labelangle=20];\n");
        Set<String> drawn = new HashSet<>(); // "ns/iface" written on a line's end, or a bridge
        List<String> lines = new ArrayList<>();
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Bridge) drawn.add(key(i));
                if (!(i.kind() instanceof DeviceKind.Veth v) || !v.primary() || v.peerNamespace() == null) continue;
                Optional<Interface> peer = lab.namespace(v.peerNamespace()).flatMap(p -> p.iface(v.peerName()));
                if (peer.isEmpty()) continue;
                drawn.add(key(i));
                drawn.add(key(peer.get()));
                Namespace other = lab.namespace(v.peerNamespace()).get();
                boolean down = !up(ns, i, links) || !up(other, peer.get(), links);
                lines.add(line(end(ns, i), end(other, peer.get()), describe(ns, i), describe(other, peer.get()), down,
                        "cable:" + ns.name() + "/" + i.name()));
            }
        }
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                // a port that is no cable's end (a TAP) joins its bridge by a line in the namespace
                if (i.master() != null && !drawn.contains(key(i))) {
                    drawn.add(key(i));
                    lines.add(line(node(ns), bridgeNode(ns.name(), i.master()), describe(ns, i), "", !up(ns, i, links), null));
                }
            }
        }
        for (Namespace ns : lab.namespaces()) {
            List<String> label = new ArrayList<>();
            label.add(ns.name() + (ns.host() ? " (this machine)" : ""));
            if (ns.forward()) label.add("forwards packets");
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Bridge) {
                    out.append("  ").append(bridgeNode(ns.name(), i.name())).append(" [id=").append(quote("bridge:" + ns.name() + "/" + i.name()))
                            .append(", shape=hexagon, style=filled, fillcolor=\"#eef3ff\", label=")
                            .append(quote("bridge " + describe(ns, i))).append("];\n");
                    boolean joined = lines.stream().anyMatch(l -> l.startsWith(node(ns) + " -- " + bridgeNode(ns.name(), i.name())));
                    if (!joined) lines.add(node(ns) + " -- " + bridgeNode(ns.name(), i.name()) + " [style=dotted];");
                } else if (!drawn.contains(key(i))) {
                    label.add(i.name() + " (" + kindText(i) + ")" + (up(ns, i, links) ? "" : " [down]"));
                    for (Address a : ns.addressesOf(i.name())) label.add(a.text());
                }
            }
            out.append("  ").append(node(ns)).append(" [id=").append(quote("ns:" + ns.name())).append(", shape=box").append(ns.host() ? ", style=\"filled,dashed\", fillcolor=\"#f2f2f2\"" : "")
                    .append(", label=").append(quote(String.join("\n", label))).append("];\n");
        }
        for (String l : lines) out.append("  ").append(l).append('\n');
        return out.append("}\n").toString();
    }

    private static String line(String from, String to, String fromLabel, String toLabel, boolean down, String id) {
        return from + " -- " + to + " [" + (id == null ? "" : "id=" + quote(id) + ", ") + "taillabel=" + quote(fromLabel) + ", headlabel=" + quote(toLabel)
                + (down ? ", style=dashed, color=\"#c00000\", label=\"down\", fontcolor=\"#c00000\"" : "") + "];";
    }

    /** Where a cable ends: its namespace's box, or the bridge the interface is a port of. */
    private static String end(Namespace ns, Interface i) {
        return i.master() != null && ns.iface(i.master()).isPresent() ? bridgeNode(ns.name(), i.master()) : node(ns);
    }

    private static boolean up(Namespace ns, Interface i, Links links) {
        Boolean live = links.up(ns.host() ? null : ns.name(), i.name());
        return live != null ? live : i.up();
    }

    private static String describe(Namespace ns, Interface i) {
        List<String> parts = new ArrayList<>(List.of(i.name()));
        for (Address a : ns.addressesOf(i.name())) parts.add(a.text());
        return String.join("\n", parts);
    }

    private static String kindText(Interface i) {
        if (i.kind() instanceof DeviceKind.Macvlan m) return "macvlan on " + m.parentText();
        if (i.kind() instanceof DeviceKind.Vlan v) return "vlan " + v.id() + " on " + v.parent();
        if (i.kind() instanceof DeviceKind.Vxlan x) return "vxlan " + x.id() + (x.remote() != null ? " to " + x.remote() : "");
        return i.kind().word();
    }

    private static String key(Interface i) {
        return i.namespace() + "/" + i.name();
    }

    private static String node(Namespace ns) {
        return quote("ns " + ns.name());
    }

    private static String bridgeNode(String namespace, String bridge) {
        return quote("bridge " + namespace + "/" + bridge);
    }

    /** A dot string: quotes and backslashes escaped, each newline a centred line break. */
    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
