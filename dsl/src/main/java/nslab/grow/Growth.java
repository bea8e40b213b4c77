package nslab.grow;

import java.util.ArrayList;
import java.util.List;
import nslab.check.Problem;
import nslab.model.Address;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Source;
import nslab.model.Sysctl;

/**
 * What a lab gains from its {@code addresses} pools and its {@code routes 'auto'} line, worked
 * out on the model before validation: ordinary addresses, routes and sysctls, each with the line
 * that gave it, so that the checks, the plan and every executor see nothing new.
 */
public final class Growth {

    /** An {@code addresses} line: the pool as written. */
    public record Pool(String text, Source source) {}

    /** The lab with what it gained, and the problems found on the way. */
    public record Grown(Lab lab, List<Problem> problems) {}

    static final String FORWARD_V4 = "net.ipv4.ip_forward";
    static final String FORWARD_V6 = "net.ipv6.conf.all.forwarding";

    private Growth() {}

    public static Grown apply(Lab lab, List<Pool> pools, Source autoRoutes) {
        List<Problem> problems = new ArrayList<>();
        Lab grown = pools.isEmpty() ? lab : forwardingOnPoolAddresses(AddressPools.assign(lab, pools, problems));
        if (autoRoutes != null) grown = AutoRoutes.add(grown, autoRoutes);
        return new Grown(grown, problems);
    }

    /**
     * {@code forward true} turns IPv6 forwarding on too when the namespace has IPv6 addresses, which
     * it learns only now when a pool gave them: the sysctl is added, with the forward line.
     */
    private static Lab forwardingOnPoolAddresses(Lab lab) {
        List<Namespace> namespaces = lab.namespaces().stream().map(ns -> {
            if (!ns.forward() || !ns.hasIpv6() || ns.sysctls().stream().anyMatch(s -> s.key().equals(FORWARD_V6))) return ns;
            return ns.sysctls().stream().filter(s -> s.key().equals(FORWARD_V4)).findFirst()
                    .map(v4 -> adding(ns, List.of(), List.of(), List.of(new Sysctl(ns.name(), FORWARD_V6, v4.value(), v4.source())), false))
                    .orElse(ns);
        }).toList();
        return lab.withNamespaces(namespaces);
    }

    /** The namespace with these added; {@code forward} turned on when asked. */
    static Namespace adding(Namespace ns, List<Address> addresses, List<Route> routes, List<Sysctl> sysctls, boolean forward) {
        List<Address> a = new ArrayList<>(ns.addresses());
        a.addAll(addresses);
        List<Route> r = new ArrayList<>(ns.routes());
        r.addAll(routes);
        List<Sysctl> s = new ArrayList<>(ns.sysctls());
        s.addAll(sysctls);
        return new Namespace(ns.name(), ns.host(), ns.declared(), ns.loopback(), ns.forward() || forward, ns.interfaces(),
                a, r, s, ns.rules(), ns.conditions(), ns.runs(), ns.source());
    }
}
