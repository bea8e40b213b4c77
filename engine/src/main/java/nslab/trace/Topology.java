package nslab.trace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab's wiring, from its model: which namespace and interface sit at the other end of a veth,
 * and which bridges a frame crosses on the way. It answers "a packet leaves {@code ns} by
 * {@code dev} for next hop X: where does it come in?"
 */
final class Topology {
    /** An interface of a namespace. */
    record End(String namespace, String dev) {}

    /** Where a packet arrives, and the bridges (each an {@code End} of namespace and bridge, with the port it entered by) it crossed. */
    record Arrival(End at, List<Crossing> bridges) {}

    record Crossing(String namespace, String bridge, String in, String out) {}

    private final Lab lab;

    Topology(Lab lab) {
        this.lab = lab;
    }

    /** Where a packet sent out of {@code dev} in {@code ns} to {@code nextHop} comes in; empty when no interface of the lab has that address. */
    Optional<Arrival> next(String ns, String dev, String nextHop) {
        Optional<IpPrefix> hop = IpPrefix.parse(nextHop);
        if (hop.isEmpty()) return Optional.empty();
        Deque<Arrival> queue = new ArrayDeque<>();
        Set<End> seen = new HashSet<>();
        seen.add(new End(ns, dev));
        iface(new End(ns, dev)).filter(Interface::isVeth).ifPresent(i -> queue.add(new Arrival(peer(i), List.of())));
        iface(new End(ns, dev)).filter(i -> i.kind() instanceof DeviceKind.Bridge)
                .ifPresent(b -> ports(new End(ns, dev), null, List.of(), queue));
        while (!queue.isEmpty()) {
            Arrival a = queue.poll();
            if (!seen.add(a.at())) continue;
            Optional<Interface> i = iface(a.at());
            if (i.isEmpty()) continue;
            if (i.get().master() != null) {
                End bridge = new End(a.at().namespace(), i.get().master());
                if (owns(bridge, hop.get())) {
                    List<Crossing> via = new ArrayList<>(a.bridges());
                    via.add(new Crossing(bridge.namespace(), bridge.dev(), a.at().dev(), null));
                    return Optional.of(new Arrival(bridge, via));
                }
                ports(bridge, a.at().dev(), a.bridges(), queue);
            } else if (owns(a.at(), hop.get())) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Queues the far ends of a bridge's ports other than the one the frame came in by. */
    private void ports(End bridge, String inPort, List<Crossing> before, Deque<Arrival> queue) {
        Optional<Interface> b = iface(bridge);
        if (b.isEmpty() || !(b.get().kind() instanceof DeviceKind.Bridge)) return;
        for (Interface port : lab.namespace(bridge.namespace()).map(Namespace::interfaces).orElse(List.of())) {
            if (!bridge.dev().equals(port.master()) || port.name().equals(inPort) || !port.isVeth()) continue;
            List<Crossing> via = new ArrayList<>(before);
            via.add(new Crossing(bridge.namespace(), bridge.dev(), inPort, port.name()));
            queue.add(new Arrival(peer(port), via));
        }
    }

    private End peer(Interface veth) {
        DeviceKind.Veth v = (DeviceKind.Veth) veth.kind();
        return new End(v.peerNamespace(), v.peerName());
    }

    Optional<Interface> iface(End end) {
        return lab.namespace(end.namespace()).flatMap(n -> n.iface(end.dev()));
    }

    private boolean owns(End end, IpPrefix address) {
        return lab.namespace(end.namespace()).map(n -> n.addressesOf(end.dev())).orElse(List.of()).stream()
                .anyMatch(a -> a.valid() && a.prefix().address().equals(address.address()) && a.v6() == address.v6());
    }

    /** The namespace of the lab that has this address, if any. */
    Optional<Namespace> ownerOf(String address) {
        Optional<IpPrefix> p = IpPrefix.parse(address);
        if (p.isEmpty()) return Optional.empty();
        for (Namespace n : lab.namespaces()) {
            for (Address a : n.addresses()) {
                if (a.valid() && a.prefix().address().equals(p.get().address()) && a.v6() == p.get().v6()) return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The addresses on the far side of {@code dev}'s cable (through bridges) in namespaces that forward: candidate gateways. */
    List<String> routersBeyond(String ns, String dev, boolean v6) {
        List<String> out = new ArrayList<>();
        for (Namespace n : lab.namespaces()) {
            if (n.name().equals(ns) || !n.forward()) continue;
            for (Address a : n.addresses()) {
                if (a.valid() && a.v6() == v6 && next(ns, dev, a.prefix().addressText()).isPresent()) {
                    out.add(a.prefix().addressText());
                }
            }
        }
        return out;
    }
}
