package nslab.imports;

import java.util.List;
import java.util.Optional;

/**
 * {@code ip link}: veth pairs and bridges made ({@code add}, with the kernel's {@code vethN} names
 * when none is given), changed, renamed and moved ({@code set}), deleted ({@code del}).
 */
final class IpLink {
    private IpLink() {}

    static void translate(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || IpTranslator.isShow(w.get(0))) {
            t.skip(c, "only shows something");
        } else if (IpTranslator.is(w.get(0), "add", 1)) {
            linkAdd(w.subList(1, w.size()), c, ns, t);
        } else if (IpTranslator.is(w.get(0), "set", 1) || w.get(0).equals("change")) {
            linkSet(w.subList(1, w.size()), c, ns, t);
        } else if (IpTranslator.is(w.get(0), "delete", 1) || w.get(0).equals("del")) {
            List<String> args = w.subList(1, w.size());
            String name = args.isEmpty() ? null : (args.get(0).equals("dev") && args.size() > 1 ? args.get(1) : args.get(0));
            if (name == null) t.refuse(c, "ip link del without a device");
            else t.device(c, ns, name).ifPresent(t.model::remove);
        } else {
            t.refuse(c, "ip link " + w.get(0) + " has no word in the lab language");
        }
    }

    private static void linkAdd(List<String> w, ShellCommand c, String ns, Translation t) {
        int typeAt = w.indexOf("type");
        if (typeAt >= 0 && typeAt + 1 < w.size() && !List.of("veth", "bridge", "macvlan").contains(w.get(typeAt + 1))) {
            t.refuse(c, "ip link add type " + w.get(typeAt + 1) + ": nslab import reads veth, bridge and macvlan"
                    + " (write the lab's " + w.get(typeAt + 1) + " word by hand)");
            return;
        }
        String name = null;
        String where = ns;
        String type = null;
        String peerName = null;
        String peerWhere = null;
        String parent = null;
        String mode = null;
        int i = 0;
        for (; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            if (word.equals("type") && hasNext) {
                type = w.get(++i);
                break;
            } else if ((word.equals("name") || word.equals("dev")) && hasNext) {
                name = w.get(++i);
            } else if (word.equals("netns") && hasNext) {
                where = w.get(++i);
            } else if (word.equals("link") && hasNext) {
                parent = w.get(++i);
            } else if (name == null && !word.contains("=")) {
                name = word;
            } else {
                t.refuse(c, "ip link add ... " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (type == null) {
            t.refuse(c, "ip link add without type");
            return;
        }
        for (i++; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            if (type.equals("veth") && word.equals("peer") && hasNext) {
                if (w.get(i + 1).equals("name") && i + 2 < w.size()) i++;
                peerName = w.get(++i);
            } else if (type.equals("veth") && peerName != null && word.equals("netns") && hasNext) {
                peerWhere = w.get(++i);
            } else if (type.equals("macvlan") && word.equals("mode") && hasNext) {
                mode = w.get(++i);
            } else {
                t.refuse(c, "ip link add ... type " + type + " " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (!t.knownNamespace(c, where) || (peerWhere != null && !t.knownNamespace(c, peerWhere))) return;
        if (type.equals("macvlan")) {
            macvlan(name, parent, mode, ns, where, c, t);
            return;
        }
        if (parent != null) {
            t.refuse(c, "ip link add ... link " + parent + " type " + type + ": nslab import does not read this option");
            return;
        }
        switch (type) {
            case "veth" -> {
                String first = name != null ? name : t.model.freeVethName(where, null);
                String otherNs = peerWhere != null ? peerWhere : where;
                String second = peerName != null ? peerName : t.model.freeVethName(otherNs, otherNs.equals(where) ? first : null);
                if (taken(c, where, first, t) || taken(c, otherNs, second, t)) return;
                if (first.equals(second) && where.equals(otherNs)) {
                    t.refuse(c, "both ends of the veth are called " + first);
                    return;
                }
                Device a = new Device(Device.Kind.VETH, first, where, c);
                Device b = new Device(Device.Kind.VETH, second, otherNs, c);
                a.peer = b;
                b.peer = a;
                t.model.devices.add(a);
                t.model.devices.add(b);
                if (!where.equals(ImportModel.HOST) && !otherNs.equals(ImportModel.HOST)) a.settle();
            }
            default -> {                                      // bridge: the check above let no other through
                if (name == null) {
                    t.refuse(c, "a bridge needs a name (ip link add br0 type bridge)");
                } else if (!taken(c, where, name, t)) {
                    Device br = new Device(Device.Kind.BRIDGE, name, where, c);
                    br.settled = true;
                    t.model.devices.add(br);
                }
            }
        }
    }

    /**
     * {@code ip link add NAME link PARENT [netns NS] type macvlan [mode M]}: the parent is looked up
     * where the command runs (a device the commands made, or in host one of the machine's own);
     * without {@code mode} the kernel's own default, vepa, is what was built.
     */
    private static void macvlan(String name, String parent, String mode, String ns, String where, ShellCommand c, Translation t) {
        if (name == null || parent == null) {
            t.refuse(c, "a macvlan needs a name and a parent (ip link add mv0 link eth0 type macvlan mode bridge)");
            return;
        }
        Optional<Device> made = t.model.device(ns, parent);
        if (made.isEmpty() && !ns.equals(ImportModel.HOST)) {
            t.device(c, ns, parent);                      // refuses, naming the namespace
            return;
        }
        if (taken(c, where, name, t)) return;
        Device mv = new Device(Device.Kind.MACVLAN, name, where, c);
        mv.parent = made.orElse(null);
        mv.parentName = parent;
        mv.parentNamespace = ns;
        mv.mode = mode != null ? mode : "vepa";
        t.model.devices.add(mv);
        if (!where.equals(ImportModel.HOST)) mv.settle();
    }

    static boolean taken(ShellCommand c, String ns, String name, Translation t) {
        if (t.model.device(ns, name).isEmpty()) return false;
        t.refuse(c, Translation.where(ns) + " has a device called " + name + " already");
        return true;
    }

    private static void linkSet(List<String> w, ShellCommand c, String ns, Translation t) {
        if (w.isEmpty()) {
            t.refuse(c, "ip link set without a device");
            return;
        }
        int i = 0;
        String name = w.get(0).equals("dev") && w.size() > 1 ? w.get(++i) : w.get(0);
        Optional<Device> found = t.deviceToConfigure(c, ns, name);
        if (found.isEmpty()) return;
        Device d = found.get();
        String newName = null;
        String newNs = null;
        Boolean up = null;
        Integer mtu = null;
        String mac = null;
        String master = null;
        boolean nomaster = false;
        for (i++; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            switch (word) {
                case "up" -> up = true;
                case "down" -> up = false;
                case "name" -> { if (hasNext) newName = w.get(++i); }
                case "netns" -> { if (hasNext) newNs = w.get(++i); }
                case "mtu" -> { if (hasNext) mtu = parseInt(w.get(++i)); }
                case "address" -> { if (hasNext) mac = w.get(++i); }
                case "master" -> { if (hasNext) master = w.get(++i); }
                case "nomaster" -> nomaster = true;
                default -> {
                    t.refuse(c, "ip link set ... " + word + ": nslab import does not read this option");
                    return;
                }
            }
        }
        if ("1".equals(newNs)) {
            t.readAs(c, "process 1, init, taken to be in the host's namespace");
            newNs = ImportModel.HOST;
        } else if (newNs != null && newNs.matches("\\d+") && t.shells.opened.size() == 1) {
            String shell = t.shells.opened.get(0);
            t.readAs(c, "process " + newNs + " taken for the shell unshare opened, the one namespace tied to a process:"
                    + " namespace " + shell);
            newNs = shell;
        } else if (newNs != null && newNs.matches("\\d+")) {
            t.refuse(c, "moves " + name + " into the namespace of process " + newNs
                    + "; a lab's namespaces are named (ip link set " + name + " netns NAME)");
            return;
        }
        if (newNs != null && !t.knownNamespace(c, newNs)) return;
        if (d.kind == Device.Kind.MACVLAN && newNs != null && !newNs.equals(d.parentNamespace)
                && !d.parentNamespace.equals(ImportModel.HOST)) {
            t.refuse(c, "moves macvlan " + name + " away from its parent's namespace " + d.parentNamespace
                    + "; a lab's macvlan sits on a parent in its own namespace or the host's");
            return;
        }
        String targetNs = newNs != null ? newNs : ns;
        String targetName = newName != null ? newName : d.name;
        if ((newNs != null || newName != null) && t.model.device(targetNs, targetName).filter(o -> o != d).isPresent()) {
            t.refuse(c, Translation.where(targetNs) + " has a device called " + targetName + " already");
            return;
        }
        Device br = null;
        if (master != null) {
            br = t.device(c, targetNs, master).orElse(null);
            if (br == null) return;
            if (br.kind != Device.Kind.BRIDGE) {
                t.refuse(c, master + " is no bridge");
                return;
            }
        }
        if (mtu != null && mtu < 0) {
            t.refuse(c, "an MTU is a number");
            return;
        }
        if (newNs != null && !newNs.equals(d.namespace)) {
            moved(d, newNs, t);
        }
        d.name = targetName;
        if (mtu != null) d.mtu = mtu;
        if (mac != null) d.mac = mac;
        if (br != null) d.master = br;
        if (nomaster) d.master = null;
        if (up != null) d.up = up;
        if (up != null || mtu != null || mac != null || br != null) d.settle();
    }

    /** A move takes a device down and drops its addresses, its routes and its bridge, as the kernel does. */
    static void moved(Device d, String ns, Translation t) {
        t.model.forgetConf(d);
        d.namespace = ns;
        d.addresses.clear();
        d.up = null;
        d.master = null;
        t.model.routes.removeIf(r -> r.dev() == d);
        t.model.devices.forEach(o -> {
            if (o.master == d) o.master = null;
        });
        if (d.peer != null && !d.peer.namespace.equals(ImportModel.HOST) && !ns.equals(ImportModel.HOST)) d.settle();
        if (d.kind == Device.Kind.MACVLAN && !ns.equals(ImportModel.HOST)) d.settle();
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
