package nslab.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;

/** Routes: well-formed destinations, a gateway the kernel will accept, a device that exists, no duplicates. */
final class RouteRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) continue;
            Map<String, Route> seen = new HashMap<>();
            for (Route r : ns.routes()) {
                Optional<IpPrefix> dest = r.isDefault() ? Optional.empty() : IpPrefix.parse(r.destination());
                if (!r.isDefault() && dest.isEmpty()) {
                    problems.add(AmbiguousAddresses.or(r.source(), r.destination(), () -> Problem.error(r.source(),
                            "route destination '" + r.destination() + "' is not valid",
                            "write 'default' or a prefix such as '10.0.0.0/8' or a host such as '10.0.0.3'")));
                    continue;
                }
                if (dest.isPresent() && !dest.get().networkText().equals(dest.get().withLength())
                        && !sameAddress(dest.get())) {
                    problems.add(Problem.error(r.source(), "route destination " + r.destination()
                                    + " has host bits set; the kernel refuses it (Invalid prefix for given prefix length)",
                            "write the network: route '" + dest.get().networkText() + "'"));
                }
                if (r.via() == null && r.dev() == null) {
                    problems.add(Problem.error(r.source(), "route '" + r.destination() + "' says neither where to send"
                            + " packets (via) nor out of which interface (dev)", "write: route '" + r.destination()
                            + "' via '10.0.0.254'  or  route '" + r.destination() + "' dev '" + someDevice(ns) + "'"));
                    continue;
                }
                if (r.dev() != null && ns.iface(r.dev()).filter(Interface::created).isEmpty()) {
                    List<String> names = ns.interfaces().stream().filter(Interface::created).map(Interface::name).toList();
                    String hint = Suggestions.didYouMean(r.dev(), names);
                    problems.add(Problem.error(r.source(), "route dev '" + r.dev() + "' is not an interface of " + ns.name(),
                            hint != null ? hint : "name one of: " + String.join(", ", names)));
                }
                if (r.via() != null) gateway(ns, r, dest, problems);
                String key = (r.v6() ? "6 " : "4 ") + (dest.map(IpPrefix::networkText).orElse("default"));
                Route first = seen.putIfAbsent(key, r);
                if (first != null) {
                    problems.add(Problem.error(r.source(), (r.isDefault() ? "a second default route" : "a second route to "
                                    + r.destination()) + " in " + ns.name() + " (the first at line " + first.source().line()
                                    + "); the kernel refuses it (File exists)",
                            "keep one of them"));
                }
            }
        }
    }

    /**
     * The interface a gateway is reached through must be able to carry packets when the route is
     * added: the kernel refuses a route through a link that is down, and a TUN/TAP device has no
     * carrier until a program opens it.
     */
    private static void usable(Namespace ns, Route r, String dev, List<Problem> problems) {
        Interface i = ns.iface(dev).orElse(null);
        if (i == null) return;
        if (!i.up()) {
            problems.add(Problem.error(r.source(), "gateway " + r.via() + " is reached through " + dev
                    + ", which the lab leaves down; the kernel refuses such a route", "remove 'down' from " + dev));
        } else if (i.kind() instanceof nslab.model.DeviceKind.Tap || i.kind() instanceof nslab.model.DeviceKind.Tun) {
            problems.add(Problem.error(r.source(), "gateway " + r.via() + " is reached through " + i.kind().word() + " "
                            + dev + ", which has no carrier until a program opens it; the kernel refuses the route"
                            + " (Network is down)", "route through a veth or a bridge instead"));
        }
    }

    private static boolean sameAddress(IpPrefix p) {
        return p.length() == p.maxLength();
    }

    /**
     * The kernel accepts a gateway only on a subnet of the namespace (of the route's device, if
     * named) or behind a device route: otherwise it refuses the route with "Nexthop has invalid
     * gateway", which a /32 address (no connected route) followed by a default route runs into.
     */
    private static void gateway(Namespace ns, Route r, Optional<IpPrefix> dest, List<Problem> problems) {
        Optional<IpPrefix> gw = IpPrefix.parse(r.via()).filter(p -> !p.lengthGiven());
        if (gw.isEmpty()) {
            problems.add(AmbiguousAddresses.or(r.source(), r.via(), () -> Problem.error(r.source(),
                    "gateway '" + r.via() + "' is not an IP address", "write the next hop's address, e.g. via '192.168.100.254'")));
            return;
        }
        if (dest.isPresent() && dest.get().v6() != gw.get().v6()) {
            problems.add(Problem.error(r.source(), "route to " + r.destination() + " goes via " + r.via()
                    + ", an address of the other IP family", "use a gateway of the same family as the destination"));
            return;
        }
        IpPrefix g = gw.get();
        for (Address a : ns.addresses()) {
            if (!a.valid() || (r.dev() != null && !a.dev().equals(r.dev()))) continue;
            if (a.prefix().length() < a.prefix().maxLength() && a.prefix().contains(g)) {
                usable(ns, r, a.dev(), problems);
                return;
            }
        }
        for (Route other : ns.routes()) {
            if (other == r || other.via() != null || other.dev() == null || other.isDefault()) continue;
            if (r.dev() != null && !r.dev().equals(other.dev())) continue;
            Optional<IpPrefix> covered = IpPrefix.parse(other.destination());
            if (covered.isPresent() && covered.get().contains(g)) {
                usable(ns, r, other.dev(), problems);
                return;
            }
        }
        problems.add(Problem.error(r.source(), "gateway " + r.via() + " is on no subnet of " + ns.name()
                        + (r.dev() != null ? " on " + r.dev() : "") + "; the kernel refuses such a route (Nexthop has invalid gateway)",
                "give " + ns.name() + " an address in the gateway's subnet (e.g. a /24), or first add a route to the"
                        + " gateway itself: route '" + r.via() + "' dev '" + (r.dev() != null ? r.dev() : someDevice(ns)) + "'"));
    }

    /** An interface of the namespace to show in an example (the first it creates besides lo), else eth0. */
    private static String someDevice(Namespace ns) {
        return ns.interfaces().stream().filter(Interface::created).map(Interface::name)
                .filter(n -> !n.equals("lo")).findFirst().orElse("eth0");
    }
}
