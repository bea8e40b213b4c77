package nslab.plan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Routing;

/**
 * The routes each namespace's daemons should put into its kernel table once they have converged,
 * worked out from the lab alone: for OSPF (and RIP written in {@code frr}), every network and
 * loopback address announced by a router reachable over cables both ends run the protocol on; for
 * BGP, the networks of every speaker reachable over configured sessions. A namespace's own
 * networks are never expected, since its connected routes win.
 */
public final class DaemonRoutes {
    /** {@code prefix} (network/length) installed with {@code protocol} (as {@code ip route} names it). */
    public record Expected(String prefix, String protocol) {}

    private static final Pattern RIP_NETWORK = Pattern.compile("(?m)^\\s*network\\s+(\\S+)");

    private DaemonRoutes() {}

    public static Map<String, List<Expected>> of(Lab lab) {
        Map<String, Set<Expected>> out = new LinkedHashMap<>();
        for (Namespace ns : lab.routers()) out.put(ns.name(), new LinkedHashSet<>());
        igp(lab, "ospf", DaemonRoutes::ospfInterfaces, out);
        igp(lab, "rip", DaemonRoutes::ripInterfaces, out);
        bgp(lab, out);
        Map<String, List<Expected>> result = new LinkedHashMap<>();
        out.forEach((k, v) -> result.put(k, List.copyOf(v)));
        return result;
    }

    private interface Interfaces {
        /** The interfaces a router runs the protocol on; empty when it does not run it. */
        List<String> of(Namespace ns);
    }

    private static List<String> ospfInterfaces(Namespace ns) {
        Routing.Ospf o = ns.routing().ospf();
        return o == null ? List.of() : FrrConfig.ospfInterfaces(ns, o);
    }

    private static List<String> ripInterfaces(Namespace ns) {
        List<IpPrefix> networks = new ArrayList<>();
        boolean rip = false;
        for (Routing.RawFrr raw : ns.routing().raw()) {
            if (!raw.text().matches("(?s).*\\brouter\\s+rip\\b.*")) continue;
            rip = true;
            Matcher m = RIP_NETWORK.matcher(raw.text());
            while (m.find()) IpPrefix.parse(m.group(1)).ifPresent(networks::add);
        }
        if (!rip) return List.of();
        Set<String> out = new LinkedHashSet<>();
        for (Address a : v4(ns)) {
            if (!a.dev().equals(Interface.LOOPBACK) && networks.stream().anyMatch(n -> n.contains(a.prefix()))) out.add(a.dev());
        }
        return List.copyOf(out);
    }

    private static List<Address> v4(Namespace ns) {
        return ns.addresses().stream().filter(a -> a.valid() && !a.v6()).toList();
    }

    private static Set<String> connected(Namespace ns) {
        Set<String> own = new LinkedHashSet<>();
        for (Address a : v4(ns)) own.add(a.prefix().networkText());
        return own;
    }

    private static void igp(Lab lab, String protocol, Interfaces on, Map<String, Set<Expected>> out) {
        Map<String, List<Address>> speaking = new LinkedHashMap<>();
        for (Namespace ns : lab.routers()) {
            List<String> devs = on.of(ns);
            if (devs.isEmpty()) continue;
            List<Address> addrs = v4(ns).stream().filter(a -> devs.contains(a.dev())
                    || a.dev().equals(Interface.LOOPBACK) && protocol.equals("ospf")).toList();
            speaking.put(ns.name(), addrs);
        }
        for (String r : speaking.keySet()) {
            Set<String> own = connected(lab.namespace(r).orElseThrow());
            for (String other : reachable(r, speaking)) {
                if (other.equals(r)) continue;
                for (Address a : speaking.get(other)) {
                    String net = a.prefix().networkText();
                    if (!own.contains(net)) out.get(r).add(new Expected(net, protocol));
                }
            }
        }
    }

    /** The routers reachable from {@code from} over links whose two ends both speak the protocol. */
    private static Set<String> reachable(String from, Map<String, List<Address>> speaking) {
        Set<String> seen = new LinkedHashSet<>(List.of(from));
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String r = todo.pop();
            for (var e : speaking.entrySet()) {
                if (seen.contains(e.getKey())) continue;
                boolean shared = speaking.get(r).stream().filter(a -> !a.dev().equals(Interface.LOOPBACK))
                        .anyMatch(a -> e.getValue().stream().filter(b -> !b.dev().equals(Interface.LOOPBACK))
                                .anyMatch(b -> a.prefix().sameSubnet(b.prefix())));
                if (shared) {
                    seen.add(e.getKey());
                    todo.add(e.getKey());
                }
            }
        }
        return seen;
    }

    private static void bgp(Lab lab, Map<String, Set<Expected>> out) {
        List<Namespace> speakers = lab.routers().stream().filter(n -> n.routing().bgp() != null).toList();
        for (Namespace r : speakers) {
            Set<String> own = connected(r);
            r.routing().bgp().networks().forEach(n -> own.add(n.prefix()));
            Set<String> seen = new LinkedHashSet<>(List.of(r.name()));
            Deque<Namespace> todo = new ArrayDeque<>(List.of(r));
            while (!todo.isEmpty()) {
                Namespace s = todo.pop();
                for (Routing.Neighbor n : s.routing().bgp().neighbors()) {
                    Optional<Namespace> peer = speakers.stream().filter(p -> !seen.contains(p.name()))
                            .filter(p -> v4(p).stream().anyMatch(a -> a.prefix().addressText().equals(n.address()))).findFirst();
                    peer.ifPresent(p -> {
                        seen.add(p.name());
                        todo.add(p);
                        for (Routing.Network net : p.routing().bgp().networks()) {
                            if (!own.contains(net.prefix())) out.get(r.name()).add(new Expected(net.prefix(), "bgp"));
                        }
                    });
                }
            }
        }
    }
}
