package nslab.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.Namespace;
import nslab.model.Routing;

/**
 * One namespace's FRR configuration (FRR 8.4's integrated frr.conf), each line with what it does,
 * and the daemons it needs. OSPF runs point-to-point on veth cables with a hello every second and
 * a neighbour given up after four, so that a lab converges in seconds; the namespace's loopback
 * addresses are its router id and passive OSPF interfaces.
 */
public record FrrConfig(List<Line> lines, List<String> daemons) {
    /** A configuration line and its meaning ("" for structure: "!", "exit"). */
    public record Line(String text, String meaning) {}

    private static final Pattern ROUTER = Pattern.compile("(?m)^\\s*router\\s+(\\S+)");
    private static final Pattern STATIC = Pattern.compile("(?m)^\\s*ipv?6?\\s+route\\s");

    public FrrConfig {
        lines = List.copyOf(lines);
        daemons = List.copyOf(daemons);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Line l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    /** The interfaces OSPF runs on: those named, or every interface with an IPv4 address. */
    static List<String> ospfInterfaces(Namespace ns, Routing.Ospf o) {
        if (!o.interfaces().isEmpty()) return o.interfaces();
        Set<String> out = new LinkedHashSet<>();
        for (Address a : ns.addresses()) if (a.valid() && !a.v6() && !a.dev().equals(Interface.LOOPBACK)) out.add(a.dev());
        return List.copyOf(out);
    }

    /** The first IPv4 address on lo: the router's identity. */
    static Optional<String> routerId(Namespace ns) {
        return ns.addressesOf(Interface.LOOPBACK).stream().filter(a -> a.valid() && !a.v6())
                .map(a -> a.prefix().addressText()).findFirst();
    }

    public static FrrConfig of(Namespace ns) {
        Routing r = ns.routing();
        List<Line> l = new ArrayList<>();
        Set<String> daemons = new LinkedHashSet<>(List.of("zebra"));
        l.add(new Line("frr version 8.4", "the FRR release whose syntax this file is written in"));
        l.add(new Line("frr defaults traditional", "FRR's classic defaults (timers and checks as in the RFCs)"));
        l.add(new Line("hostname " + ns.name(), "the name vtysh shows in its prompt"));
        l.add(new Line("log stdout informational", "the daemons' messages go to their run log, beside the journal"));
        l.add(new Line("!", ""));
        Optional<String> id = routerId(ns);
        if (r.ospf() != null) {
            daemons.add("ospfd");
            Routing.Ospf o = r.ospf();
            for (String dev : ospfInterfaces(ns, o)) {
                l.add(new Line("interface " + dev, "settings of " + dev + " for the routing daemons"));
                l.add(new Line(" ip ospf area " + o.area(), "OSPF runs on " + dev + ", in area " + o.area()
                        + ": it says hello there and announces " + dev + "'s networks"));
                boolean veth = ns.iface(dev).map(Interface::isVeth).orElse(false);
                if (veth) {
                    l.add(new Line(" ip ospf network point-to-point", "a veth cable has exactly one neighbour at its"
                            + " other end: no designated-router election, the adjacency forms at once"));
                }
                l.add(new Line(" ip ospf hello-interval 1", "a hello every second (FRR's default: 10)"));
                l.add(new Line(" ip ospf dead-interval 4", "a neighbour silent for 4 seconds is down (default: 40),"
                        + " so a cut cable reroutes within seconds"));
                if (o.cost() != null) {
                    l.add(new Line(" ip ospf cost " + o.cost(), "paths through " + dev + " count " + o.cost()
                            + " (the lower a path's sum, the better)"));
                }
                l.add(new Line("exit", ""));
                l.add(new Line("!", ""));
            }
            if (!ns.addressesOf(Interface.LOOPBACK).isEmpty()) {
                l.add(new Line("interface lo", "settings of lo, the namespace's own addresses"));
                l.add(new Line(" ip ospf area " + o.area(), "OSPF announces lo's addresses, so others reach this router by them"));
                l.add(new Line(" ip ospf passive", "no hellos on lo, where no neighbour can ever be"));
                l.add(new Line("exit", ""));
                l.add(new Line("!", ""));
            }
            l.add(new Line("router ospf", "starts the OSPF process of ospfd"));
            id.ifPresent(a -> l.add(new Line(" ospf router-id " + a, "this router's identity among OSPF routers: its address on lo")));
            l.add(new Line("exit", ""));
            l.add(new Line("!", ""));
        }
        if (r.bgp() != null) {
            daemons.add("bgpd");
            Routing.Bgp b = r.bgp();
            l.add(new Line("router bgp " + b.asn(), "starts bgpd's BGP process as AS " + b.asn()));
            id.ifPresent(a -> l.add(new Line(" bgp router-id " + a, "this router's identity among BGP speakers: its address on lo")));
            l.add(new Line(" no bgp ebgp-requires-policy", "routes are exchanged with other ASes without a route-map"
                    + " (FRR otherwise sends and accepts none until one is written)"));
            for (Routing.Neighbor n : b.neighbors()) {
                l.add(new Line(" neighbor " + n.address() + " remote-as " + n.asn(), "a BGP session with " + n.address()
                        + ", which is in AS " + n.asn() + (n.asn() == b.asn() ? " (the same AS: internal BGP)" : " (external BGP)")));
            }
            if (!b.networks().isEmpty()) {
                l.add(new Line(" address-family ipv4 unicast", "the IPv4 routes of this BGP process"));
                for (Routing.Network n : b.networks()) {
                    l.add(new Line("  network " + n.prefix(), "announces " + n.prefix() + " to the neighbours, as long as"
                            + " a route to exactly it is in this namespace's table (connected, static or learned)"));
                }
                l.add(new Line(" exit-address-family", ""));
            }
            l.add(new Line("exit", ""));
            l.add(new Line("!", ""));
        }
        for (Routing.RawFrr raw : r.raw()) {
            for (String text : raw.text().split("\n", -1)) {
                if (!text.isBlank()) l.add(new Line(text, "as written in frr, line " + raw.source().line()));
            }
            Matcher m = ROUTER.matcher(raw.text());
            while (m.find()) daemonOf(m.group(1)).ifPresent(daemons::add);
            if (STATIC.matcher(raw.text()).find()) daemons.add("staticd");
            l.add(new Line("!", ""));
        }
        return new FrrConfig(l, List.copyOf(daemons));
    }

    /** The daemon that serves {@code router KIND}. */
    static Optional<String> daemonOf(String kind) {
        return Optional.ofNullable(switch (kind) {
            case "ospf" -> "ospfd";
            case "ospf6" -> "ospf6d";
            case "bgp" -> "bgpd";
            case "rip" -> "ripd";
            case "ripng" -> "ripngd";
            case "isis" -> "isisd";
            case "eigrp" -> "eigrpd";
            case "babel" -> "babeld";
            default -> null;
        });
    }
}
