package nslab.trace;

import java.util.List;
import nslab.model.IpPrefix;

/**
 * What the walk asks at each hop: the route the kernel picks, a sysctl, the firewall rules and the
 * neighbour entry. {@link LiveReadings} asks the kernel; {@link ModelReadings} answers from the lab
 * alone, for a lab that is not live.
 */
interface Readings {
    /** True when the answers come from the kernel. */
    boolean live();

    /**
     * The route for a packet to {@code dst}: made here when {@code iif} is null (leaving by
     * {@code oif} if set), else arriving from {@code src} on {@code iif}.
     */
    RouteAnswer route(String ns, String dst, String src, String iif, String oif, boolean v6);

    /** A sysctl's value, or null when it cannot be read. */
    String sysctl(String ns, String key);

    /** The rules of the filter and nat tables, in order, policies included. */
    List<FirewallLine> rules(String ns, boolean v6);

    /** The neighbour entry's state (REACHABLE, STALE, FAILED, INCOMPLETE...), or null when there is none. */
    String neighbour(String ns, String dev, String address, boolean v6);

    /** Whether a TCP or UDP socket listens on the port in the namespace; null when it cannot tell. */
    Boolean listening(String ns, Probe probe);

    /** The routes of the main table of this family (connected ones included). */
    List<RouteEntry> routes(String ns, boolean v6);

    /** The namespace's own addresses, of every interface. */
    List<Local> locals(String ns);

    /** Whether the interface is up (administratively); null when it cannot tell. */
    Boolean linkUp(String ns, String dev);

    /** A route: its prefix ({@code 0.0.0.0/0} for a default), its type (unicast, blackhole, prohibit, unreachable...), device and gateway. */
    record RouteEntry(IpPrefix prefix, String type, String dev, String via) {
        boolean unicast() {
            return "unicast".equals(type);
        }
    }

    /** An address of the namespace, on an interface. */
    record Local(IpPrefix prefix, String dev) {}

    /** The answer of a route lookup: local delivery, or a device and a gateway, or the kernel's error. */
    record RouteAnswer(boolean local, String dev, String gateway, String src, String error) {
        static RouteAnswer failed(String error) {
            return new RouteAnswer(false, null, null, null, error);
        }

        boolean ok() {
            return error == null;
        }
    }
}
