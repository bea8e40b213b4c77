package nslab.netlink;

import nslab.plan.LinkChange;
import nslab.plan.Operation;
import nslab.plan.TunTapLink;

/**
 * What each {@code ip} operation does on rtnetlink, where its batch runs: a request built from
 * the operation's own fields. {@link #of} says null for an operation this executor leaves to
 * {@code ip} (one nobody typed, or a value rtnetlink cannot be given as is).
 */
final class IpOperations {
    /** One operation, ready to be carried out; null when it took effect, else why not. */
    interface Action {
        Refusal apply(Target place) throws Exception;
    }

    private IpOperations() {}

    static Action of(Operation o) {
        try {
            if (o instanceof Operation.AddNamespace n) return p -> Refusal.words(NamedNamespaces.add(java.util.List.of(n.name()), new int[1]));
            if (o instanceof Operation.DeleteNamespace n) return p -> Refusal.words(NamedNamespaces.delete(n.name()));
            if (o instanceof Operation.AddLink l) return addLink(l);
            if (o instanceof Operation.DeleteLink d) {
                return p -> withDevice(p, d.name(), i -> {
                    Refusal r = request(p, DelLinkMessage.of(i));
                    p.forget(d.name());
                    return r;
                });
            }
            if (o instanceof Operation.SetLink s) return setLink(s);
            if (o instanceof Operation.AddAddress a) {
                Prefix prefix = Prefix.parse(a.address());
                return p -> withDevice(p, a.dev(), i -> request(p, AddressMessage.add(prefix, i, a.nodad())));
            }
            if (o instanceof Operation.DeleteAddress a) {
                Prefix prefix = Prefix.parse(a.address());
                return p -> withDevice(p, a.dev(), i -> request(p, AddressMessage.del(prefix, i)));
            }
            if (o instanceof Operation.AddRoute r) return route(true, r.destination(), r.via(), r.dev());
            if (o instanceof Operation.DeleteRoute r) return route(false, r.destination(), r.via(), r.dev());
            return null;
        } catch (IllegalArgumentException e) {
            return null; // a value this executor cannot put in a request: ip decides
        }
    }

    private static Action addLink(Operation.AddLink l) {
        if (l.kind() instanceof TunTapLink t) {
            return p -> {
                p.forget(l.name());
                return Refusal.words(p.run(() -> TunTap.add(l.name(), t.tap())));
            };
        }
        return p -> {
            int into = -1;
            if (l.into() != null && (into = p.namespaceFd(l.into())) < 0) return Refusal.noNamespace(l.into());
            int parent = 0;
            if (l.kind().parent() != null && (parent = p.index(l.kind().parent())) == 0) return Refusal.noDevice(l.kind().parent());
            byte[] message;
            try {
                message = NewLinkMessage.of(p, l.name(), into, parent, l.kind());
            } catch (NewLinkMessage.Missing m) {
                return m.refusal;
            }
            p.forget(l.name());
            return request(p, message);
        };
    }

    private static Action setLink(Operation.SetLink s) {
        LinkChange c = s.change();
        if (c instanceof LinkChange.Master m) {
            return p -> withDevice(p, s.dev(), i -> {
                int master = p.index(m.bridge());
                if (master == 0) return Refusal.noMaster(m.bridge());
                return request(p, SetLinkMessage.master(i, master));
            });
        }
        byte[] mac = c instanceof LinkChange.Mac m ? mac(m.mac()) : null;
        return p -> withDevice(p, s.dev(), i -> request(p, change(c, i, mac)));
    }

    private static byte[] change(LinkChange c, int i, byte[] mac) {
        if (c instanceof LinkChange.Up) return SetLinkMessage.up(i);
        if (c instanceof LinkChange.Down) return SetLinkMessage.down(i);
        if (c instanceof LinkChange.Mtu m) return SetLinkMessage.mtu(i, m.mtu());
        if (c instanceof LinkChange.Mac) return SetLinkMessage.address(i, mac);
        if (c instanceof LinkChange.NoMaster) return SetLinkMessage.master(i, 0);
        if (c instanceof LinkChange.AddrGenMode g) return SetLinkMessage.addrGenMode(i, g.number());
        throw new IllegalStateException(c.toString()); // a master is asked for by name first
    }

    /** The family from the destination, else the gateway, else IPv4, as {@code ip} reads it. */
    private static Action route(boolean add, String destination, String via, String dev) {
        Prefix dst = destination.equals("default") ? null : Prefix.parse(destination);
        byte[] gateway = via != null ? Prefix.address(via) : null;
        int family = dst != null ? dst.family() : gateway != null ? (gateway.length == 4 ? Rtnl.AF_INET : Rtnl.AF_INET6) : Rtnl.AF_INET;
        if (gateway != null && (gateway.length == 4) != (family == Rtnl.AF_INET)) return null;
        return p -> {
            if (dev == null) return request(p, add ? RouteMessage.add(family, dst, gateway, 0) : RouteMessage.del(family, dst, gateway, 0));
            return withDevice(p, dev, i -> request(p, add ? RouteMessage.add(family, dst, gateway, i) : RouteMessage.del(family, dst, gateway, i)));
        };
    }

    interface IndexedAction {
        Refusal apply(int index) throws Exception;
    }

    private static Refusal withDevice(Target p, String dev, IndexedAction then) throws Exception {
        int i = p.index(dev);
        if (i == 0) return Refusal.noDevice(dev);
        return then.apply(i);
    }

    private static Refusal request(Target p, byte[] message) {
        return Refusal.of(p.request(message));
    }

    static byte[] mac(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) throw new IllegalArgumentException("mac " + text);
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) mac[i] = (byte) Integer.parseInt(parts[i], 16);
        return mac;
    }
}
