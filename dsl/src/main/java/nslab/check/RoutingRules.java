package nslab.check;

import java.util.List;
import java.util.Optional;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Routing;

/**
 * The routing daemons: in lab namespaces only (the host's would be the machine's own FRR), OSPF on
 * interfaces the namespace has, BGP peers that are addresses and networks that are prefixes
 * written at their network, and a {@code converged} expectation only where some daemon runs.
 */
final class RoutingRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            Routing r = ns.routing();
            if (!r.any()) continue;
            if (ns.host()) {
                problems.add(Problem.error(firstLine(r), "routing daemons run in lab namespaces, not in the host",
                        "the host's daemons would be this machine's own FRR: move ospf, bgp or frr into a namespace"));
                continue;
            }
            if (r.ospf() != null) ospf(ns, r.ospf(), problems);
            if (r.bgp() != null) bgp(ns, r.bgp(), problems);
            for (Routing.RawFrr raw : r.raw()) {
                if (raw.text().isBlank()) {
                    problems.add(Problem.error(raw.source(), "frr in " + ns.name() + " adds no configuration",
                            "write FRR's lines: frr '''router rip\\n network 10.0.0.0/8'''"));
                }
            }
        }
        if (lab.convergence() != null && lab.routers().isEmpty()) {
            problems.add(Problem.error(lab.convergence().source(), "converged waits for routing daemons, and no namespace runs one",
                    "add ospf area: 0, bgp asn: 65001 or frr '''...''' to the routers, or remove converged"));
        }
    }

    private static void ospf(Namespace ns, Routing.Ospf o, List<Problem> problems) {
        List<String> names = ns.interfaces().stream().map(Interface::name).toList();
        for (String i : o.interfaces()) {
            if (i.equals(Interface.LOOPBACK) || names.contains(i)) continue;
            String hint = Suggestions.didYouMean(i, names);
            problems.add(Problem.error(o.source(), "ospf in " + ns.name() + " names interface '" + i + "', which "
                    + ns.name() + " does not have", hint != null ? hint : names.isEmpty() ? "declare it first (veth, link, ...)"
                    : "name one of: " + String.join(", ", names)));
        }
        boolean addressed = ns.addresses().stream().anyMatch(a -> a.valid() && !a.v6() && !a.dev().equals(Interface.LOOPBACK)
                && (o.interfaces().isEmpty() || o.interfaces().contains(a.dev())));
        if (!addressed) {
            problems.add(Problem.error(o.source(), "ospf in " + ns.name() + " has no interface with an IPv4 address to"
                    + " run on", "give the interfaces OSPF runs on an address: ip '10.0.0.1/30'"));
        }
    }

    private static void bgp(Namespace ns, Routing.Bgp b, List<Problem> problems) {
        for (Routing.Neighbor n : b.neighbors()) {
            Optional<IpPrefix> p = IpPrefix.isAddress(n.address()) ? IpPrefix.parse(n.address()) : Optional.empty();
            if (p.isEmpty() || p.get().lengthGiven()) {
                problems.add(Problem.error(n.source(), "neighbor '" + n.address() + "' in " + ns.name()
                        + " is not an address", "write the peer's address, without a prefix length: neighbor '10.0.0.2', asn: 65002"));
            }
        }
        if (b.neighbors().isEmpty()) {
            problems.add(Problem.error(b.source(), "bgp in " + ns.name() + " has no neighbor, so it exchanges nothing",
                    "add its peers after it: neighbor '10.0.0.2', asn: 65002"));
        }
        for (Routing.Network n : b.networks()) {
            Optional<IpPrefix> p = IpPrefix.parse(n.prefix());
            if (p.isEmpty() || !p.get().lengthGiven()) {
                problems.add(Problem.error(n.source(), "network '" + n.prefix() + "' in " + ns.name() + " is not a prefix",
                        "write an address and its length: network '10.1.0.0/24'"));
            } else if (!IpPrefix.parse(p.get().networkText()).map(IpPrefix::address).equals(Optional.of(p.get().address()))) {
                problems.add(Problem.error(n.source(), "network '" + n.prefix() + "' in " + ns.name()
                        + " has host bits set, which FRR refuses", "write its network: network '" + p.get().networkText() + "'"));
            }
        }
    }

    private static nslab.model.Source firstLine(Routing r) {
        if (r.ospf() != null) return r.ospf().source();
        if (r.bgp() != null) return r.bgp().source();
        return r.raw().get(0).source();
    }
}
