package nslab.netlink;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of an {@code ip -batch} (the arguments after {@code ip}) turned into what it does on
 * rtnetlink. It knows exactly the forms {@code nslab.plan.Planner} writes; for anything else
 * {@link #parse} says null and the batch goes to {@code ip} itself.
 * <p>
 * An action returns null when it took effect, else the words {@code ip} prints for the failure.
 */
final class IpLine {
    /** What a line does, where its batch runs. */
    interface Action {
        String apply(Target place) throws Exception;
    }

    /** {@code netns add NAME}: the executor makes runs of these on one thread. */
    record NetnsAdd(String name) implements Action {
        @Override
        public String apply(Target place) {
            return NamedNamespaces.add(List.of(name), new int[1]);
        }
    }

    /** {@code netns del NAME}: in a {@code -force} batch the executor deletes runs of these side by side. */
    record NetnsDel(String name) implements Action {
        @Override
        public String apply(Target place) {
            return NamedNamespaces.delete(name);
        }
    }

    private IpLine() {}

    /** The line's action, or null when it is not a form this translator knows. */
    static Action parse(List<String> line) {
        try {
            Tokens t = new Tokens(line);
            int family = 0;
            if (t.take("-6")) family = Rtnl.AF_INET6;
            else if (t.take("-4")) family = Rtnl.AF_INET;
            Action a;
            if (t.take("netns")) a = netns(t);
            else if (t.take("link")) a = link(t);
            else if (t.take("tuntap")) a = tuntap(t);
            else if (t.take("addr") || t.take("address")) a = address(t);
            else if (t.take("route")) a = route(t, family);
            else return null;
            return t.done() ? a : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null; // not one of our forms (or a value this translator cannot read): ip decides
        }
    }

    private static Action netns(Tokens t) {
        if (t.take("add")) return new NetnsAdd(t.next());
        if (t.take("del") || t.take("delete")) return new NetnsDel(t.next());
        return null;
    }

    private static Action link(Tokens t) {
        if (t.take("add")) {
            t.expect("name");
            String name = t.next();
            if (t.take("netns")) {
                String ns = t.next();
                t.expect("type");
                t.expect("veth");
                return veth(name, ns, t);
            }
            String parent = t.take("link") ? t.next() : null;
            if (parent != null && t.take("netns")) {
                String ns = t.next();
                t.expect("type");
                t.expect("macvlan");
                return macvlanInto(name, parent, ns, t);
            }
            t.expect("type");
            String kind = t.next();
            switch (kind) {
                case "veth":
                    return parent == null ? veth(name, null, t) : null;
                case "bridge":
                    return parent == null ? p -> create(p, NewLinkMessage.bridge(name), name) : null;
                case "macvlan": {
                    t.expect("mode");
                    String mode = t.next();
                    NewLinkMessage.macvlanMode(mode);
                    return p -> withDevice(p, parent, i -> create(p, NewLinkMessage.macvlan(name, i, mode), name));
                }
                case "vlan": {
                    t.expect("id");
                    int id = t.number();
                    return p -> withDevice(p, parent, i -> create(p, NewLinkMessage.vlan(name, i, id), name));
                }
                case "vxlan":
                    return parent == null ? vxlan(name, t) : null;
                default:
                    return null;
            }
        }
        if (t.take("set")) {
            t.expect("dev");
            String dev = t.next();
            if (t.take("up")) return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.up(i)));
            if (t.take("down")) return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.down(i)));
            if (t.take("nomaster")) return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.master(i, 0)));
            if (t.take("mtu")) {
                int mtu = t.number();
                return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.mtu(i, mtu)));
            }
            if (t.take("address")) {
                byte[] mac = mac(t.next());
                return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.address(i, mac)));
            }
            if (t.take("addrgenmode")) {
                int mode = List.of("eui64", "none", "stable_secret", "random").indexOf(t.next());
                if (mode < 0) return null;
                return p -> withDevice(p, dev, i -> request(p, SetLinkMessage.addrGenMode(i, mode)));
            }
            if (t.take("master")) {
                String master = t.next();
                return p -> withDevice(p, dev, i -> {
                    int m = p.index(master);
                    if (m == 0) return "Device \"" + master + "\" does not exist.";
                    return request(p, SetLinkMessage.master(i, m));
                });
            }
            return null;
        }
        if (t.take("del") || t.take("delete")) {
            t.expect("dev");
            String dev = t.next();
            return p -> withDevice(p, dev, i -> {
                String e = request(p, DelLinkMessage.of(i));
                p.forget(dev);
                return e;
            });
        }
        return null;
    }

    /** {@code ... type veth peer name PEER [netns B]}; {@code ns} is where the first end goes (null: here). */
    private static Action veth(String name, String ns, Tokens t) {
        t.expect("peer");
        t.expect("name");
        String peer = t.next();
        String peerNs = t.take("netns") ? t.next() : null;
        return p -> {
            int fd = -1;
            int peerFd = -1;
            if (ns != null && (fd = p.namespaceFd(ns)) < 0) return "Invalid \"netns\" value \"" + ns + "\"";
            if (peerNs != null && (peerFd = p.namespaceFd(peerNs)) < 0) return "Invalid \"netns\" value \"" + peerNs + "\"";
            return create(p, NewLinkMessage.veth(name, fd, peer, peerFd), name);
        };
    }

    /** {@code link add name NAME link PARENT netns NS type macvlan mode MODE}: made on a parent here, into NS. */
    private static Action macvlanInto(String name, String parent, String ns, Tokens t) {
        t.expect("mode");
        String mode = t.next();
        NewLinkMessage.macvlanMode(mode);
        return p -> withDevice(p, parent, i -> {
            int fd = p.namespaceFd(ns);
            if (fd < 0) return "Invalid \"netns\" value \"" + ns + "\"";
            return request(p, NewLinkMessage.macvlan(name, fd, i, mode));
        });
    }

    /** {@code ... type vxlan id ID [remote ADDR] [dev DEV] dstport PORT}. */
    private static Action vxlan(String name, Tokens t) {
        t.expect("id");
        int id = t.number();
        byte[] remote = t.take("remote") ? Prefix.address(t.next()) : null;
        String dev = t.take("dev") ? t.next() : null;
        t.expect("dstport");
        int port = t.number();
        return p -> {
            if (dev == null) return create(p, NewLinkMessage.vxlan(name, id, remote, 0, port), name);
            return withDevice(p, dev, i -> create(p, NewLinkMessage.vxlan(name, id, remote, i, port), name));
        };
    }

    private static Action tuntap(Tokens t) {
        t.expect("add");
        t.expect("dev");
        String dev = t.next();
        t.expect("mode");
        String mode = t.next();
        if (!mode.equals("tap") && !mode.equals("tun")) return null;
        return p -> {
            p.forget(dev);
            return p.run(() -> TunTap.add(dev, mode.equals("tap")));
        };
    }

    private static Action address(Tokens t) {
        boolean add = t.take("add");
        if (!add && !(t.take("del") || t.take("delete"))) return null;
        Prefix prefix = Prefix.parse(t.next());
        t.expect("dev");
        String dev = t.next();
        boolean nodad = add && t.take("nodad");
        return p -> withDevice(p, dev, i -> request(p, add ? AddressMessage.add(prefix, i, nodad) : AddressMessage.del(prefix, i)));
    }

    private static Action route(Tokens t, int familyFlag) {
        boolean add = t.take("add");
        if (!add && !(t.take("del") || t.take("delete"))) return null;
        String destination = t.next();
        Prefix dst = destination.equals("default") ? null : Prefix.parse(destination);
        byte[] via = t.take("via") ? Prefix.address(t.next()) : null;
        String dev = t.take("dev") ? t.next() : null;
        int family = familyFlag != 0 ? familyFlag : dst != null ? dst.family()
                : via != null ? (via.length == 4 ? Rtnl.AF_INET : Rtnl.AF_INET6) : Rtnl.AF_INET;
        if ((dst != null && dst.family() != family) || (via != null && (via.length == 4) != (family == Rtnl.AF_INET))) return null;
        return p -> {
            if (dev == null) return request(p, add ? RouteMessage.add(family, dst, via, 0) : RouteMessage.del(family, dst, via, 0));
            return withDevice(p, dev, i -> request(p, add ? RouteMessage.add(family, dst, via, i) : RouteMessage.del(family, dst, via, i)));
        };
    }

    interface IndexedAction {
        String apply(int index) throws Exception;
    }

    private static String withDevice(Target p, String dev, IndexedAction then) throws Exception {
        int i = p.index(dev);
        if (i == 0) return "Cannot find device \"" + dev + "\"";
        return then.apply(i);
    }

    private static String create(Target p, byte[] message, String name) {
        p.forget(name);
        return request(p, message);
    }

    private static String request(Target p, byte[] message) {
        KernelError e = p.request(message);
        return e == null ? null : e.asIpSaysIt();
    }

    static byte[] mac(String text) {
        String[] parts = text.split(":");
        if (parts.length != 6) throw new IllegalArgumentException("mac " + text);
        byte[] mac = new byte[6];
        for (int i = 0; i < 6; i++) mac[i] = (byte) Integer.parseInt(parts[i], 16);
        return mac;
    }

    /** The words of a line, read front to back. */
    private static final class Tokens {
        private final List<String> words;
        private int at;

        Tokens(List<String> words) {
            this.words = new ArrayList<>(words);
        }

        boolean take(String word) {
            if (at < words.size() && words.get(at).equals(word)) {
                at++;
                return true;
            }
            return false;
        }

        void expect(String word) {
            if (!take(word)) throw new IllegalArgumentException("expected " + word);
        }

        String next() {
            return words.get(at++);
        }

        int number() {
            return Integer.parseInt(next());
        }

        boolean done() {
            return at == words.size();
        }
    }
}
