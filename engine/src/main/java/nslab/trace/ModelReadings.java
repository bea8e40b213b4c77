package nslab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Sysctl;
import nslab.plan.Plan;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * Answers from the lab alone, for a lab that is not live, by the kernel's rules ({@link KernelRules}) on
 * the lab's tables: the connected subnets of interfaces that are up and the routes by them, the
 * sysctls the lab sets (else a new namespace's defaults), the rules its plan adds, interfaces up
 * unless declared {@code down}. It knows nothing of neighbours or sockets: what only the kernel
 * can say is left unsaid (the walk asks the owner's sysctls whether ARP is answered).
 */
final class ModelReadings implements Readings {
    private final Lab lab;
    private final Plan plan;

    ModelReadings(Lab lab, Plan plan) {
        this.lab = lab;
        this.plan = plan;
    }

    @Override
    public boolean live() {
        return false;
    }

    /**
     * The kernel's lookup, on the lab's tables: a local address is delivered (its source validated when it arrived
     * by an interface), else the longest matching route, which must be unicast, in a namespace that forwards when
     * the packet arrived by an interface, from a source that passes validation. The errors are the kernel's.
     */
    @Override
    public RouteAnswer route(String nsName, String dst, String src, String iif, String oif, boolean v6) {
        if (lab.namespace(nsName).isEmpty() || IpPrefix.parse(dst).isEmpty()) return RouteAnswer.failed("Network is unreachable");
        boolean local = KernelRules.isLocal(locals(nsName), dst);
        if (local && iif == null) return new RouteAnswer(true, "lo", null, dst, null);
        if (local) {
            return KernelRules.validateSource(this, nsName, src, iif, v6) == KernelRules.SourceCheck.OK
                    ? new RouteAnswer(true, "lo", null, dst, null) : RouteAnswer.failed("Invalid argument");
        }
        Optional<RouteEntry> route = KernelRules.longestMatch(routes(nsName, v6), dst, oif);
        boolean forwardingOff = iif != null && !KernelRules.forwards(this, nsName, v6);
        if (route.isEmpty()) return RouteAnswer.failed(forwardingOff ? "No route to host" : "Network is unreachable");
        if (!route.get().unicast()) {
            return RouteAnswer.failed(forwardingOff ? "No route to host" : switch (route.get().type()) {
                case "prohibit" -> "Permission denied";
                case "unreachable" -> "No route to host";
                default -> "Invalid argument";
            });
        }
        if (forwardingOff) return RouteAnswer.failed("No route to host");
        if (KernelRules.validateSource(this, nsName, src, iif, v6) != KernelRules.SourceCheck.OK) {
            return RouteAnswer.failed("Invalid argument");
        }
        return new RouteAnswer(false, route.get().dev(), route.get().via(), LabTables.addressOn(lab, nsName, route.get().dev(), v6), null);
    }

    /** The connected routes of the addresses on interfaces that are up, and the lab's routes by interfaces that are up. */
    @Override
    public List<RouteEntry> routes(String nsName, boolean v6) {
        return routes(nsName, v6, true);
    }

    /** The lab's routes as if every interface were up: where a packet would go but for a `down`. */
    List<RouteEntry> routesIgnoringLinks(String nsName, boolean v6) {
        return routes(nsName, v6, false);
    }

    private List<RouteEntry> routes(String nsName, boolean v6, boolean onlyUp) {
        List<RouteEntry> out = new ArrayList<>();
        Namespace ns = lab.namespace(nsName).orElse(null);
        if (ns == null) return out;
        for (Address a : ns.addresses()) {
            if (!a.valid() || a.v6() != v6 || a.prefix().length() == a.prefix().maxLength() || (onlyUp && !up(ns, a.dev()))) continue;
            out.add(new RouteEntry(IpPrefix.parse(a.prefix().networkText()).orElseThrow(), "unicast", a.dev(), null));
        }
        for (Route r : ns.routes()) {
            if (r.v6() != v6 && !(r.isDefault() && r.via() == null)) continue;
            Optional<IpPrefix> prefix = IpPrefix.parse(r.isDefault() ? (v6 ? "::/0" : "0.0.0.0/0") : r.destination());
            String dev = r.dev() != null ? r.dev() : LabTables.deviceFor(ns, r.via());
            if (prefix.isEmpty() || dev == null || (onlyUp && !up(ns, dev))) continue;
            out.add(new RouteEntry(prefix.get(), "unicast", dev, r.via()));
        }
        return out;
    }

    @Override
    public List<Local> locals(String nsName) {
        return lab.namespace(nsName).map(ns -> ns.addresses().stream().filter(Address::valid)
                .map(a -> new Local(a.prefix(), a.dev())).toList()).orElse(List.of());
    }

    @Override
    public Boolean linkUp(String nsName, String dev) {
        return lab.namespace(nsName).map(ns -> up(ns, dev)).orElse(null);
    }

    private static boolean up(Namespace ns, String dev) {
        return ns.iface(dev).map(Interface::up).orElse(true);
    }

    @Override
    public String sysctl(String ns, String key) {
        // a new namespace's default for the keys a trace reads; the last line that sets it wins
        return LabTables.lastSysctl(lab, ns, key).map(Sysctl::value).orElse("0");
    }

    @Override
    public List<FirewallLine> rules(String ns, boolean v6) {
        List<FirewallLine> out = new ArrayList<>();
        if (v6) return out; // the lab's rules are iptables (IPv4) rules
        for (Step s : plan.steps()) {
            if (s.command().tool() == Tool.IPTABLES && ns.equals(s.namespace() == null ? Namespace.HOST : s.namespace())) {
                out.add(FirewallLine.parse("filter", s.command().args()));
            }
        }
        return out;
    }

    @Override
    public String neighbour(String ns, String dev, String address, boolean v6) {
        return null;
    }

    /** Whether a {@code run} line of the namespace names the port: the lab's only hint of a listener. */
    @Override
    public Boolean listening(String ns, Probe probe) {
        if (probe.kind() == Probe.Kind.ICMP) return null;
        return lab.namespace(ns).map(n -> n.runs().stream()
                .anyMatch(r -> r.command().matches(".*\\b" + probe.port() + "\\b.*"))).orElse(false);
    }
}
