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

    private Growth() {}

    public static Grown apply(Lab lab, List<Pool> pools, Source autoRoutes) {
        List<Problem> problems = new ArrayList<>();
        Lab grown = pools.isEmpty() ? lab : AddressPools.assign(lab, pools, problems);
        if (autoRoutes != null) grown = AutoRoutes.add(grown, autoRoutes);
        return new Grown(grown, problems);
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
