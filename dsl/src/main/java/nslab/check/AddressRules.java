package nslab.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.IpPrefix;
import nslab.model.Namespace;
import nslab.model.Route;

/** Addresses: well formed, once per namespace; warnings for a missing prefix and mismatched veth ends. */
final class AddressRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) continue;
            Map<String, Address> seen = new HashMap<>();
            for (Address a : ns.addresses()) {
                if (!a.valid()) {
                    problems.add(AmbiguousAddresses.or(a.source(), a.text(), () -> Problem.error(a.source(),
                            "'" + a.text() + "' is not a valid address",
                            "write an IPv4 or IPv6 address with its prefix length, e.g. '10.0.0.1/24' or '2001:db8::1/64'")));
                    continue;
                }
                String key = (a.v6() ? "6/" : "4/") + a.prefix().address();
                Address first = seen.putIfAbsent(key, a);
                if (first != null) {
                    problems.add(Problem.error(a.source(), "address " + a.prefix().addressText() + " is given twice in "
                                    + ns.name() + " (first at line " + first.source().line() + ")",
                            "an address can be on one interface of a namespace only once; remove one"));
                }
                // an address of its own on lo is a router's identity: one address, no neighbours
                if (!a.prefix().lengthGiven() && !a.dev().equals(Interface.LOOPBACK)) {
                    problems.add(Problem.warning(a.source(), a.text() + " has no prefix length, so it means /"
                                    + a.prefix().maxLength() + " and no connected route will exist",
                            "write " + a.text() + "/" + (a.v6() ? 64 : 24) + " to reach the neighbours on " + a.dev()
                                    + ", or add routes yourself (route 'x' dev '" + a.dev() + "')"));
                }
                ns.iface(a.dev()).filter(i -> i.master() != null).ifPresent(i -> problems.add(Problem.warning(a.source(),
                        a.dev() + " is a port of bridge " + i.master() + ": an address on a port is not used",
                        "put the address on the bridge: dev '" + i.master() + "' { ip '" + a.text() + "' }")));
            }
        }
        vethSubnets(lab, problems);
        sharedLinks(lab, problems);
    }

    /**
     * One address twice on one link: the two ends of a veth, or interfaces joined by a bridge,
     * with the same address make a ping between them answer itself, proving nothing. (Twice in
     * one namespace is reported above.)
     */
    private static void sharedLinks(Lab lab, List<Problem> problems) {
        Map<String, String> parent = new HashMap<>();
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Veth v && v.primary() && v.peerNamespace() != null) {
                    join(parent, ns.name() + "/" + i.name(), v.peerNamespace() + "/" + v.peerName());
                }
                if (i.master() != null) join(parent, ns.name() + "/" + i.name(), ns.name() + "/" + i.master());
            }
        }
        Map<String, Address> seen = new HashMap<>();
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) continue;
            for (Address a : ns.addresses()) {
                if (!a.valid()) continue;
                String link = root(parent, ns.name() + "/" + a.dev());
                Address first = seen.putIfAbsent(link + " " + (a.v6() ? "6/" : "4/") + a.prefix().address(), a);
                if (first != null && !first.namespace().equals(a.namespace())) {
                    problems.add(Problem.error(a.source(), "address " + a.prefix().addressText() + " is on both "
                                    + first.dev() + " in " + first.namespace() + " (line " + first.source().line() + ") and "
                                    + a.dev() + " in " + a.namespace() + ", which share one link: a ping between them"
                                    + " would be answered by the sender itself, and a third one's ARP request is answered by"
                                    + " both: its packets go to whichever answer its neighbour table kept",
                            freeAddress(lab, a).map(free -> {
                                String line = lab.line(a.source()).strip();
                                return "change `" + line + "` (line " + a.source().line() + ") to `"
                                        + line.replace("'" + a.text() + "'", "'" + free + "'")
                                        + "`: another address of the subnet, which nothing in the lab has";
                            }).orElse("give " + a.dev() + " another address of the subnet")));
                }
            }
        }
    }

    /** The first address of {@code a}'s subnet, as {@code a} writes it (with its length), that no address of the lab has. */
    private static Optional<String> freeAddress(Lab lab, Address a) {
        IpPrefix p = a.prefix();
        int hostBits = p.maxLength() - p.length();
        if (hostBits < 2 || !lab.line(a.source()).contains("'" + a.text() + "'")) return Optional.empty();
        long last = hostBits >= 11 ? 1024 : (1L << hostBits) - 2;
        Set<BigInteger> used = new HashSet<>();
        for (Namespace n : lab.namespaces()) {
            for (Address other : n.addresses()) if (other.valid() && other.v6() == p.v6()) used.add(other.prefix().address());
        }
        for (long i = 1; i <= last; i++) {
            String candidate = p.addressInSubnet(i);
            if (IpPrefix.parse(candidate).filter(c -> !used.contains(c.address())).isPresent()) {
                return Optional.of(p.lengthGiven() ? candidate + "/" + p.length() : candidate);
            }
        }
        return Optional.empty();
    }

    private static void join(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) parent.put(ra, rb);
    }

    private static String root(Map<String, String> parent, String node) {
        String r = node;
        while (parent.containsKey(r)) r = parent.get(r);
        return r;
    }

    /** The two ends of a veth must share a subnet, or no connected route leads from one to the other. */
    private static void vethSubnets(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                if (!(i.kind() instanceof DeviceKind.Veth v) || !v.primary() || v.peerNamespace() == null) continue;
                Namespace peerNs = lab.namespace(v.peerNamespace()).orElse(null);
                if (peerNs == null) continue;
                for (boolean v6 : new boolean[] {false, true}) {
                    List<Address> mine = valid(ns.addressesOf(i.name()), v6);
                    List<Address> theirs = valid(peerNs.addressesOf(v.peerName()), v6);
                    if (mine.isEmpty() || theirs.isEmpty()) continue;
                    boolean shared = mine.stream().anyMatch(a -> theirs.stream().anyMatch(b ->
                            a.prefix().contains(b.prefix()) || b.prefix().contains(a.prefix())));
                    if (!shared && !(routed(ns, i.name(), theirs) && routed(peerNs, v.peerName(), mine))) {
                        problems.add(Problem.warning(i.source(), "the ends of veth " + i.name() + " (" + texts(mine)
                                        + ") and " + v.peerName() + " (" + texts(theirs) + ") are in different subnets",
                                "give both ends addresses in one subnet, e.g. /24s that differ only in the last number,"
                                        + " or add host routes to each other"));
                    }
                }
            }
        }
    }

    /** Whether {@code ns} has a route out of {@code dev} to one of {@code targets} (seed 000's host routes). */
    private static boolean routed(Namespace ns, String dev, List<Address> targets) {
        for (Route r : ns.routes()) {
            if (!dev.equals(r.dev()) || r.isDefault()) continue;
            var dest = IpPrefix.parse(r.destination());
            if (dest.isPresent() && targets.stream().anyMatch(t -> dest.get().contains(t.prefix()) || t.prefix().contains(dest.get()))) {
                return true;
            }
        }
        return false;
    }

    private static List<Address> valid(List<Address> addresses, boolean v6) {
        List<Address> out = new ArrayList<>();
        for (Address a : addresses) if (a.valid() && a.v6() == v6) out.add(a);
        return out;
    }

    private static String texts(List<Address> addresses) {
        return String.join(", ", addresses.stream().map(Address::text).toList());
    }
}
