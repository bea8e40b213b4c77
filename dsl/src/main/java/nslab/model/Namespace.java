package nslab.model;

import java.util.List;
import java.util.Optional;

/**
 * A network namespace of the lab, or the host (the root namespace) when {@code host} is true.
 * {@code declared} is false for a namespace that the script only names (in peer or link) without
 * declaring it; such a lab is invalid, and {@code source} is then the line that named it.
 * {@code routing}: the routing daemons it runs ({@link Routing#NONE}: none).
 */
public record Namespace(String name, boolean host, boolean declared, boolean loopback, boolean forward,
                        List<Interface> interfaces, List<Address> addresses, List<Route> routes,
                        List<Sysctl> sysctls, List<FirewallRule> rules, List<LinkCondition> conditions,
                        List<RunCommand> runs, Source source, Routing routing) {

    public static final String HOST = "host";

    public Namespace {
        interfaces = List.copyOf(interfaces);
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
        sysctls = List.copyOf(sysctls);
        rules = List.copyOf(rules);
        conditions = List.copyOf(conditions);
        runs = List.copyOf(runs);
        if (routing == null) routing = Routing.NONE;
    }

    public Namespace(String name, boolean host, boolean declared, boolean loopback, boolean forward,
                     List<Interface> interfaces, List<Address> addresses, List<Route> routes,
                     List<Sysctl> sysctls, List<FirewallRule> rules, List<LinkCondition> conditions,
                     List<RunCommand> runs, Source source) {
        this(name, host, declared, loopback, forward, interfaces, addresses, routes, sysctls, rules, conditions, runs,
                source, Routing.NONE);
    }

    public Optional<Interface> iface(String ifName) {
        return interfaces.stream().filter(i -> i.name().equals(ifName)).findFirst();
    }

    public List<Address> addressesOf(String dev) {
        return addresses.stream().filter(a -> a.dev().equals(dev)).toList();
    }

    public boolean hasIpv6() {
        return addresses.stream().anyMatch(Address::v6);
    }

    /** The first valid IPv4 address, which a namespace name stands for in {@code reach} and the console. */
    public Optional<Address> firstIpv4() {
        return addresses.stream().filter(a -> a.valid() && !a.v6()).findFirst();
    }

    public Optional<Address> firstAddress() {
        return firstIpv4().or(() -> addresses.stream().filter(Address::valid).findFirst());
    }
}
