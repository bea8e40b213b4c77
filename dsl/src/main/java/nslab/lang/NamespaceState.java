package nslab.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.model.Address;
import nslab.model.FirewallRule;
import nslab.model.Interface;
import nslab.model.LinkCondition;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Routing;
import nslab.model.RunCommand;
import nslab.model.Source;
import nslab.model.Sysctl;

/** What the script has said so far about one namespace; bodies declared twice add to the same state. */
final class NamespaceState {
    final String name;
    final boolean host;
    Source source;
    boolean declared;
    boolean loopback = true;
    boolean forward;
    Source forwardSource;
    final Map<String, IfaceState> interfaces = new LinkedHashMap<>();
    /** Second declarations of an interface name, kept so that validation can report them. */
    final List<IfaceState> duplicates = new ArrayList<>();
    final List<Address> addresses = new ArrayList<>();
    final List<Route> routes = new ArrayList<>();
    final List<Sysctl> sysctls = new ArrayList<>();
    final List<FirewallRule> rules = new ArrayList<>();
    final Map<String, ConditionState> conditions = new LinkedHashMap<>();
    final List<RunCommand> runs = new ArrayList<>();
    Routing.Ospf ospf;
    /** bgp's asn and line; neighbor and network lines are added to the lists below. */
    Routing.Bgp bgp;
    final List<Routing.Neighbor> neighbors = new ArrayList<>();
    final List<Routing.Network> networks = new ArrayList<>();
    final List<Routing.RawFrr> raw = new ArrayList<>();
    /** The interface that ip, mtu, mac, up, down, netem and rate apply to. */
    IfaceState current;

    static final class ConditionState {
        final Map<String, String> netem = new LinkedHashMap<>();
        String rate;
        Source source;
    }

    NamespaceState(String name, boolean host, Source source) {
        this.name = name;
        this.host = host;
        this.source = source;
    }

    /** The interface of that name, created as a mere reference if the script has not declared it (yet). */
    IfaceState reference(String ifName, Source source) {
        return interfaces.computeIfAbsent(ifName, n -> new IfaceState(n, source));
    }

    /** Declares a new interface; a name already declared is kept as a duplicate for validation. */
    IfaceState declare(String ifName, Source source) {
        IfaceState existing = interfaces.get(ifName);
        if (existing != null && existing.declared()) {
            IfaceState dup = new IfaceState(ifName, source);
            duplicates.add(dup);
            return dup;
        }
        IfaceState s = existing != null ? existing : new IfaceState(ifName, source);
        s.source = source;
        interfaces.put(ifName, s);
        return s;
    }

    Namespace toModel() {
        List<Interface> ifaces = new ArrayList<>();
        interfaces.values().forEach(i -> ifaces.add(i.toModel(name)));
        duplicates.forEach(i -> ifaces.add(i.toModel(name)));
        List<Sysctl> allSysctls = new ArrayList<>(sysctls);
        if (forwardSource != null) {
            // forward is the sysctls a router needs; IPv6 too if this namespace has IPv6 addresses.
            String on = forward ? "1" : "0";
            allSysctls.add(0, new Sysctl(name, "net.ipv4.ip_forward", on, forwardSource));
            if (addresses.stream().anyMatch(Address::v6)) {
                allSysctls.add(1, new Sysctl(name, "net.ipv6.conf.all.forwarding", on, forwardSource));
            }
        }
        List<LinkCondition> conds = new ArrayList<>();
        conditions.forEach((dev, c) -> conds.add(new LinkCondition(name, dev, c.netem, c.rate, c.source)));
        Routing.Bgp withPeers = bgp == null ? null : new Routing.Bgp(bgp.asn(), neighbors, networks, bgp.source());
        return new Namespace(name, host, declared, loopback, forward, ifaces, addresses, routes, allSysctls, rules,
                conds, runs, source, new Routing(ospf, withPeers, raw));
    }
}
