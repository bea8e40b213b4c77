package nslab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nslab.model.Address;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Sysctl;
import nslab.plan.Plan;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * Answers from the lab alone, for a lab that is not live: the longest matching prefix among the
 * namespace's connected subnets and routes, the sysctls the lab sets (else a new namespace's
 * defaults), the rules its plan adds. It knows nothing of neighbours or sockets: what only the
 * kernel can say is left unsaid.
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

    @Override
    public RouteAnswer route(String nsName, String dst, String src, String iif, String oif, boolean v6) {
        Optional<Namespace> found = lab.namespace(nsName);
        Optional<IpPrefix> target = IpPrefix.parse(dst);
        if (found.isEmpty() || target.isEmpty()) return RouteAnswer.failed("Network is unreachable");
        Namespace ns = found.get();
        for (Address a : ns.addresses()) {
            if (a.valid() && a.prefix().address().equals(target.get().address()) && a.v6() == target.get().v6()) {
                if (iif != null && src != null && isLocal(ns, src) && !"1".equals(sysctl(nsName, "net.ipv4.conf." + iif + ".accept_local"))) {
                    return RouteAnswer.failed("Invalid argument");
                }
                return new RouteAnswer(true, "lo", null, dst, null);
            }
        }
        if (iif != null && !"1".equals(sysctl(nsName, v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward"))) {
            return RouteAnswer.failed("No route to host");
        }
        RouteAnswer best = null;
        int bestLength = -1;
        for (Address a : ns.addresses()) {
            if (!a.valid() || a.v6() != target.get().v6() || (oif != null && !oif.equals(a.dev()))) continue;
            IpPrefix net = a.prefix();
            if (net.length() > bestLength && net.contains(target.get())) {
                best = new RouteAnswer(false, a.dev(), null, net.addressText(), null);
                bestLength = net.length();
            }
        }
        for (Route r : ns.routes()) {
            if (r.v6() != target.get().v6() && !(r.isDefault() && r.via() == null)) continue;
            int length = r.isDefault() ? 0 : IpPrefix.parse(r.destination()).map(IpPrefix::length).orElse(-1);
            boolean covers = r.isDefault() || IpPrefix.parse(r.destination()).map(p -> p.contains(target.get())).orElse(false);
            if (!covers || length <= bestLength) continue;
            String dev = r.dev() != null ? r.dev() : deviceFor(ns, r.via());
            if (dev == null || (oif != null && !oif.equals(dev))) continue;
            best = new RouteAnswer(false, dev, r.via(), sourceOn(ns, dev, v6), null);
            bestLength = length;
        }
        return best != null ? best : RouteAnswer.failed("Network is unreachable");
    }

    private static boolean isLocal(Namespace ns, String address) {
        return ns.addresses().stream().anyMatch(a -> a.valid() && a.prefix().addressText().equals(address));
    }

    private static String deviceFor(Namespace ns, String gateway) {
        Optional<IpPrefix> g = IpPrefix.parse(gateway);
        if (g.isEmpty()) return null;
        return ns.addresses().stream().filter(a -> a.valid() && a.prefix().contains(g.get())).map(Address::dev)
                .findFirst().orElse(null);
    }

    private static String sourceOn(Namespace ns, String dev, boolean v6) {
        return ns.addressesOf(dev).stream().filter(a -> a.valid() && a.v6() == v6).map(a -> a.prefix().addressText())
                .findFirst().orElse(null);
    }

    @Override
    public String sysctl(String ns, String key) {
        String value = "0"; // a new namespace's default for the keys a trace reads
        for (Sysctl s : lab.namespace(ns).map(Namespace::sysctls).orElse(List.of())) {
            if (s.key().equals(key)) value = s.value();
        }
        return value;
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
