package nslab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Source;
import nslab.model.Sysctl;

/**
 * The fixes a trace gives where the packet stops, each in the learner's own terms: a line of the lab
 * language to add, a line of the lab to change or remove, or the console's own line, so that the
 * expectation holds when it is written.
 */
final class Fixes {
    private final Lab lab;
    private final Readings readings;
    private final Topology topology;
    private final TraceWords words;

    Fixes(Lab lab, Readings readings, Topology topology, TraceWords words) {
        this.lab = lab;
        this.readings = readings;
        this.topology = topology;
        this.words = words;
    }

    /** The lab lines that set the reverse-path filter above {@code value}, changed to it; or new ones. */
    String rpFix(String ns, String iif, int value) {
        List<String> changes = new ArrayList<>();
        for (String key : List.of("net.ipv4.conf.all.rp_filter", "net.ipv4.conf." + iif + ".rp_filter")) {
            Sysctl set = sysctl(ns, key);
            int now = KernelRules.number(readings.sysctl(ns, key));
            if (now == 0 || now == value) continue;
            String line = "sysctl '" + key + "', " + value;
            changes.add(set != null ? words.changeLine(lab.line(set.source()).strip(), set.source(), line) : words.addLine(line, ns));
        }
        return changes.isEmpty() ? words.sysctlFix("net.ipv4.conf.all.rp_filter", String.valueOf(value), ns) : words.and(changes);
    }

    /**
     * An address at the other end of one of {@code ns}'s cables (through bridges) that no route of {@code ns} covers:
     * the addresses on that side are /32s or in other subnets, so the kernel needs a route on the link, as seed 000's
     * host routes are. The fix names the interface, preferring the one the packet came in by.
     */
    Optional<String> linkRoute(String ns, String dst, String cameInBy) {
        Namespace model = lab.namespace(ns).orElse(null);
        if (model == null) return Optional.empty();
        List<String> devs = new ArrayList<>();
        if (cameInBy != null) devs.add(cameInBy);
        model.interfaces().forEach(i -> devs.add(i.name()));
        for (String dev : devs) {
            if (topology.next(ns, dev, dst).isEmpty()) continue;
            Optional<Address> mine = model.addressesOf(dev).stream().filter(a -> a.valid() && a.v6() == dst.contains(":")).findFirst();
            boolean single = mine.isPresent() && mine.get().prefix().length() == mine.get().prefix().maxLength();
            String address = mine.isEmpty() ? null : single ? mine.get().prefix().addressText() : mine.get().prefix().withLength();
            return Optional.of(words.linkRoute(dst, dev, ns, address, single, mine.isEmpty(),
                    mine.isEmpty() ? 0 : mine.get().prefix().length()));
        }
        return Optional.empty();
    }

    /** A route to the source's subnet by the interface it came in by, through the hop it came from. */
    Optional<String> symmetricRoute(String ns, String iif, String src, Topology.End previous) {
        String via = previous == null ? null : addressOn(previous.namespace(), previous.dev(), false);
        if (via == null) return Optional.empty();
        return Optional.of("route '" + subnetOf(src) + "' via '" + via + "'");
    }

    /** The subnet of a lab address, as its interface has it; the address alone when the lab does not have it. */
    String subnetOf(String address) {
        for (Namespace n : lab.namespaces()) {
            for (Address a : n.addresses()) {
                if (a.valid() && a.prefix().addressText().equals(address) && a.prefix().length() < a.prefix().maxLength()) {
                    return a.prefix().networkText();
                }
            }
        }
        return address;
    }

    /**
     * A private source that left the lab's private side toward an address that is not private, and whose answer
     * finds no way back: the lesson is a masquerade where it leaves (the route back is the second answer).
     */
    Optional<String> masqueradeFix(String privateSource, List<Hop> there, String destination, boolean v6) {
        if (!KernelRules.isPrivate(privateSource) || destination == null || KernelRules.isPrivate(destination)) {
            return Optional.empty();
        }
        Hop exit = null;
        for (Hop h : there) {
            if (h.kind() != Hop.Kind.FORWARD || h.out() == null) continue;
            String out = addressOn(h.namespace(), h.out(), v6);
            if (exit == null || (out != null && !KernelRules.isPrivate(out))) exit = h;
            if (out != null && !KernelRules.isPrivate(out)) break;
        }
        if (exit == null) return Optional.empty();
        return Optional.of(words.masqueradeFix(subnetOf(privateSource), exit.out(), exit.namespace()));
    }

    /** Remove the lab's `down`; or, where the lab has it up, bring it up again as it was taken down. */
    String downFix(Topology.End end) {
        Optional<Interface> i = topology.iface(end);
        if (i.isPresent() && !i.get().up()) {
            Source where = i.get().lineOf("up");
            return words.removeDown(where, end.dev(), end.namespace());
        }
        if (i.isPresent() && i.get().kind() instanceof DeviceKind.Veth v && !v.peerNamespace().equals(end.namespace())) {
            return words.linkUpAtConsole(end.namespace(), v.peerNamespace(), end.dev());
        }
        return words.bringUp(end.dev(), end.namespace());
    }

    /**
     * A next hop that no interface has, on a subnet where exactly one other address lives beyond the cable: the
     * address meant. The fix changes the lab line that names the wrong one.
     */
    String wrongAddressFix(String ns, String dev, String nextHop, String dst, boolean v6) {
        Optional<IpPrefix> hop = IpPrefix.parse(nextHop);
        List<String> others = new ArrayList<>();
        Namespace model = lab.namespace(ns).orElse(null);
        Optional<Address> mine = model == null || hop.isEmpty() ? Optional.empty()
                : model.addressesOf(dev).stream().filter(a -> a.valid() && a.prefix().contains(hop.get())).findFirst();
        if (mine.isPresent()) {
            for (Namespace n : lab.namespaces()) {
                for (Address a : n.addresses()) {
                    String text = a.prefix().addressText();
                    if (a.valid() && a.v6() == v6 && mine.get().prefix().contains(a.prefix()) && !text.equals(mine.get().prefix().addressText())
                            && !others.contains(text) && topology.next(ns, dev, text).isPresent()) {
                        others.add(text);
                    }
                }
            }
        }
        Optional<Route> route = model == null ? Optional.empty()
                : model.routes().stream().filter(r -> nextHop.equals(r.via())).findFirst();
        if (others.size() == 1 && !nextHop.equals(dst) && route.isPresent()) {
            String line = lab.line(route.get().source()).strip();
            String meant = others.get(0);
            return line.contains("'" + nextHop + "'")
                    ? words.changeGateway(line, route.get().source(), line.replace("'" + nextHop + "'", "'" + meant + "'"), meant, dev)
                    : words.gatewayShouldBe(nextHop, meant, dev);
        }
        return words.noSuchNeighbour(nextHop, dev, others.size() == 1 && nextHop.equals(dst) ? others.get(0) : null);
    }

    private String addressOn(String ns, String dev, boolean v6) {
        return LabTables.addressOn(lab, ns, dev, v6);
    }

    private Sysctl sysctl(String ns, String key) {
        return LabTables.lastSysctl(lab, ns, key).orElse(null);
    }
}
