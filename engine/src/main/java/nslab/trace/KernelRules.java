package nslab.trace;

import java.util.List;
import java.util.Optional;
import nslab.model.IpPrefix;

/**
 * The kernel's rules for a packet, applied to the tables a {@link Readings} gives, so that the walk
 * on a live lab and the walk on the script alone decide alike: a local address is local on every
 * interface (the weak host model), the longest matching prefix wins, a per-interface sysctl and its
 * {@code all} combine as the kernel combines them, the source of an arriving packet is validated
 * (reverse-path filter, {@code accept_local}), and ARP answers or not ({@code arp_ignore},
 * {@code arp_filter}, {@code accept_local}).
 */
final class KernelRules {
    private KernelRules() {}

    /** Why the kernel refuses the source of an arriving packet, or {@link #OK}. */
    enum SourceCheck {
        OK,
        /** The source is an address of the namespace itself and accept_local is off: a martian. */
        OWN_ADDRESS,
        /** rp_filter is on and there is no route back to the source at all. */
        NO_ROUTE_BACK,
        /** rp_filter is strict (1) and the route back to the source leaves by another interface. */
        OTHER_INTERFACE
    }

    /** Whether {@code address} is one of the namespace's own addresses, on any interface (a down one too). */
    static boolean isLocal(List<Readings.Local> locals, String address) {
        Optional<IpPrefix> a = IpPrefix.parse(address);
        return a.isPresent() && locals.stream().anyMatch(l -> l.prefix().v6() == a.get().v6()
                && l.prefix().address().equals(a.get().address()));
    }

    /** The route the kernel picks for {@code dst}: the longest matching prefix (leaving by {@code oif} if set). */
    static Optional<Readings.RouteEntry> longestMatch(List<Readings.RouteEntry> routes, String dst, String oif) {
        Optional<IpPrefix> target = IpPrefix.parse(dst);
        if (target.isEmpty()) return Optional.empty();
        Readings.RouteEntry best = null;
        for (Readings.RouteEntry r : routes) {
            if (!r.prefix().contains(target.get())) continue;
            if (oif != null && r.dev() != null && !oif.equals(r.dev())) continue;
            if (best == null || r.prefix().length() > best.prefix().length()) best = r;
        }
        return Optional.ofNullable(best);
    }

    /** A sysctl that the kernel reads as the larger of {@code all} and the interface's ({@code rp_filter}, {@code arp_ignore}). */
    static int larger(Readings readings, String ns, String key, String dev) {
        return Math.max(number(readings.sysctl(ns, "net.ipv4.conf.all." + key)),
                number(readings.sysctl(ns, "net.ipv4.conf." + dev + "." + key)));
    }

    /** A sysctl that is on when {@code all} or the interface's is ({@code accept_local}, {@code arp_filter}). */
    static boolean either(Readings readings, String ns, String key, String dev) {
        return number(readings.sysctl(ns, "net.ipv4.conf.all." + key)) != 0
                || number(readings.sysctl(ns, "net.ipv4.conf." + dev + "." + key)) != 0;
    }

    static int number(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Whether the namespace forwards packets of this family. */
    static boolean forwards(Readings readings, String ns, boolean v6) {
        return number(readings.sysctl(ns, v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward")) == 1;
    }

    /** The kernel's source validation of a packet from {@code src} arriving on {@code iif} (IPv4; IPv6 has none). */
    static SourceCheck validateSource(Readings readings, String ns, String src, String iif, boolean v6) {
        if (v6 || src == null || iif == null) return SourceCheck.OK;
        int rp = larger(readings, ns, "rp_filter", iif);
        boolean acceptLocal = either(readings, ns, "accept_local", iif);
        boolean local = isLocal(readings.locals(ns), src);
        if (local && !acceptLocal) return SourceCheck.OWN_ADDRESS;
        if (rp == 0 || local) return SourceCheck.OK;
        Optional<Readings.RouteEntry> back = longestMatch(readings.routes(ns, false), src, null);
        if (back.isEmpty() || !back.get().unicast()) return SourceCheck.NO_ROUTE_BACK;
        if (rp == 1 && !iif.equals(back.get().dev())) return SourceCheck.OTHER_INTERFACE;
        return SourceCheck.OK;
    }

    /**
     * Why the owner of {@code target} on {@code dev} does not answer an ARP request from {@code src}, or null when it answers
     * (IPv4; a request from the namespace's own address, the reverse-path filter, which checks a request's source as a
     * packet's, the kernel's arp_ignore 1, 2 and 8, and arp_filter).
     */
    static ArpRefusal arpRefusal(Readings readings, String ns, String dev, String target, String src) {
        if (src != null && isLocal(readings.locals(ns), src) && !either(readings, ns, "accept_local", dev)) {
            return new ArpRefusal(ArpRefusal.Reason.OWN_ADDRESS, src, ns, dev, target, 0);
        }
        SourceCheck check = validateSource(readings, ns, src, dev, false);
        if (check == SourceCheck.OTHER_INTERFACE || check == SourceCheck.NO_ROUTE_BACK) {
            return new ArpRefusal(check == SourceCheck.NO_ROUTE_BACK ? ArpRefusal.Reason.RP_NO_ROUTE_BACK
                    : ArpRefusal.Reason.RP_OTHER_INTERFACE, src, ns, dev, target, 0);
        }
        int ignore = larger(readings, ns, "arp_ignore", dev);
        if (ignore >= 8) return new ArpRefusal(ArpRefusal.Reason.IGNORE_ALL, src, ns, dev, target, ignore);
        if (ignore == 2 && src != null && !sameSubnet(readings.locals(ns), dev, target, src)) {
            return new ArpRefusal(ArpRefusal.Reason.IGNORE_OTHER_SUBNET, src, ns, dev, target, ignore);
        }
        if (src != null && either(readings, ns, "arp_filter", dev)) {
            Optional<Readings.RouteEntry> back = longestMatch(readings.routes(ns, false), src, null);
            if (back.isEmpty() || !dev.equals(back.get().dev())) {
                return new ArpRefusal(ArpRefusal.Reason.ARP_FILTER, src, ns, dev, target, 0);
            }
        }
        return null;
    }

    private static boolean sameSubnet(List<Readings.Local> locals, String dev, String target, String src) {
        Optional<IpPrefix> s = IpPrefix.parse(src);
        return s.isPresent() && locals.stream().anyMatch(l -> dev.equals(l.dev())
                && l.prefix().addressText().equals(target) && l.prefix().contains(s.get()));
    }

    /** Private (RFC 1918, shared 100.64/10, unique local fc00::/7) addresses: the ones masquerade is for. */
    static boolean isPrivate(String address) {
        Optional<IpPrefix> a = IpPrefix.parse(address);
        if (a.isEmpty()) return false;
        for (String net : a.get().v6() ? List.of("fc00::/7") : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10")) {
            if (IpPrefix.parse(net).get().contains(a.get())) return true;
        }
        return false;
    }
}
