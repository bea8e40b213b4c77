package nslab.imports;

import java.util.List;
import java.util.Optional;
import nslab.model.IpPrefix;

/**
 * {@code ip} (iproute2) in the forms tutorials use: objects and actions in their short forms
 * ({@code ip a}, {@code ip l}, {@code ip r}, {@code ip a a}), {@code dev} left out where {@code ip}
 * allows it, {@code ip -n NS}, {@code ip netns exec NS CMD}.
 */
final class IpTranslator implements Translator {
    private static final List<String> OBJECTS = List.of("address", "route", "rule", "neighbour", "neighbor",
            "link", "tuntap", "netns", "maddress", "monitor", "tunnel", "xfrm", "mroute", "ntable", "netconf");

    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        List<String> w = c.words();
        int i = 1;
        while (i < w.size() && w.get(i).startsWith("-")) {
            String opt = w.get(i).replaceFirst("^--?", "");
            if ((opt.equals("n") || opt.equals("netns")) && i + 1 < w.size()) {
                ns = w.get(i + 1);
                if (!t.knownNamespace(c, ns)) return;
                i += 2;
            } else if (opt.equals("b") || opt.equals("batch") || opt.equals("force")) {
                t.refuse(c, "ip -batch reads its commands from a file that is not in this text");
                return;
            } else {
                i++;                                   // -4, -6, -br, -c, -s, -d, -o, -j: how it shows things
            }
        }
        if (i >= w.size()) {
            t.refuse(c, "ip without an object (link, addr, route, netns)");
            return;
        }
        String object = object(w.get(i));
        ShellCommand rest = c.drop(i + 1);
        switch (object) {
            case "netns" -> netns(rest, c, ns, t);
            case "link" -> link(rest, c, ns, t);
            case "address" -> address(rest, c, ns, t);
            case "route" -> route(rest, c, ns, t);
            case "tuntap" -> tuntap(rest, c, ns, t);
            default -> {
                if (rest.words().isEmpty() || isShow(rest.program())) t.skip(c, "only shows something");
                else t.refuse(c, "ip " + object + " has no word in the lab language");
            }
        }
    }

    /** ip matches an object by any prefix of its name, the first in its own order winning. */
    static String object(String word) {
        if (word.equals("addr")) return "address";
        for (String o : OBJECTS) if (o.startsWith(word)) return o;
        return word;
    }

    static boolean isShow(String action) {
        return List.of("show", "list", "ls", "lst", "sh", "get", "help", "identify", "pids", "monitor")
                .contains(action);
    }

    private static boolean is(String word, String action, int shortest) {
        return word.length() >= shortest && action.startsWith(word);
    }

    // ---- ip netns ----

    private void netns(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
        } else if (w.get(0).equals("add") && w.size() == 2) {
            if (t.model.knows(w.get(1))) t.refuse(c, "namespace " + w.get(1) + " exists already");
            else t.model.namespaces.add(w.get(1));
        } else if (w.get(0).equals("exec") && w.size() >= 3) {
            if (t.knownNamespace(c, w.get(1))) t.run(rest.drop(2), w.get(1));
        } else if ((w.get(0).equals("del") || w.get(0).equals("delete")) && w.size() == 2) {
            if (!t.knownNamespace(c, w.get(1))) return;
            String gone = w.get(1);
            t.model.namespaces.remove(gone);
            List.copyOf(t.model.devices).stream().filter(d -> d.namespace.equals(gone)).forEach(t.model::remove);
            t.model.routes.removeIf(r -> r.namespace().equals(gone));
            t.model.sysctls.values().removeIf(s -> s.namespace().equals(gone));
            t.model.rules.removeIf(s -> s.namespace().equals(gone));
        } else {
            t.refuse(c, "ip netns " + w.get(0) + " has no word in the lab language");
        }
    }

    // ---- ip link ----

    private void link(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
        } else if (is(w.get(0), "add", 1)) {
            linkAdd(w.subList(1, w.size()), c, ns, t);
        } else if (is(w.get(0), "set", 1) || w.get(0).equals("change")) {
            linkSet(w.subList(1, w.size()), c, ns, t);
        } else if (is(w.get(0), "delete", 1) || w.get(0).equals("del")) {
            List<String> args = w.subList(1, w.size());
            String name = args.isEmpty() ? null : (args.get(0).equals("dev") && args.size() > 1 ? args.get(1) : args.get(0));
            if (name == null) t.refuse(c, "ip link del without a device");
            else t.device(c, ns, name).ifPresent(t.model::remove);
        } else {
            t.refuse(c, "ip link " + w.get(0) + " has no word in the lab language");
        }
    }

    private void linkAdd(List<String> w, ShellCommand c, String ns, Translation t) {
        int typeAt = w.indexOf("type");
        if (typeAt >= 0 && typeAt + 1 < w.size() && !List.of("veth", "bridge").contains(w.get(typeAt + 1))) {
            t.refuse(c, "ip link add type " + w.get(typeAt + 1) + ": nslab import reads veth and bridge"
                    + " (write the lab's " + w.get(typeAt + 1) + " word by hand)");
            return;
        }
        String name = null;
        String where = ns;
        String type = null;
        String peerName = null;
        String peerWhere = null;
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
            } else {
                t.refuse(c, "ip link add ... type " + type + " " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (!t.knownNamespace(c, where) || (peerWhere != null && !t.knownNamespace(c, peerWhere))) return;
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

    static boolean taken(ShellCommand c, String ns, String name, Translation t) {
        if (t.model.device(ns, name).isEmpty()) return false;
        t.refuse(c, Translation.where(ns) + " has a device called " + name + " already");
        return true;
    }

    private void linkSet(List<String> w, ShellCommand c, String ns, Translation t) {
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
        if (newNs != null && newNs.matches("\\d+")) {
            t.refuse(c, "moves " + name + " into the namespace of process " + newNs
                    + "; a lab's namespaces are named (ip link set " + name + " netns NAME)");
            return;
        }
        if (newNs != null && !t.knownNamespace(c, newNs)) return;
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
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---- ip address ----

    private void address(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
            return;
        }
        String action = w.get(0);
        boolean add = is(action, "add", 1) || action.equals("replace") || action.equals("change");
        boolean del = action.equals("del") || is(action, "delete", 1);
        boolean flush = is(action, "flush", 1);
        if (!add && !del && !flush) {
            t.refuse(c, "ip address " + action + " has no word in the lab language");
            return;
        }
        String address = null;
        String dev = null;
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            if (word.equals("dev") && hasNext) {
                dev = w.get(++i);
            } else if (List.of("broadcast", "brd", "label", "scope").contains(word) && hasNext) {
                i++;
            } else if (word.equals("local") && hasNext) {
                address = w.get(++i);
            } else if (address == null && !flush) {
                address = word;
            } else if (dev == null) {
                dev = word;
            } else {
                t.refuse(c, "ip address ... " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (dev == null) {
            t.refuse(c, "ip address " + action + " without a device (dev NAME)");
            return;
        }
        if (!flush && (address == null || IpPrefix.parse(address).isEmpty())) {
            t.refuse(c, address + " is not an address");
            return;
        }
        Optional<Device> d = t.device(c, ns, dev);
        if (d.isEmpty()) return;
        if (flush) {
            d.get().addresses.clear();
        } else if (del) {
            String gone = address;
            d.get().addresses.removeIf(a -> a.equals(gone) || a.startsWith(gone + "/"));
        } else {
            if (!d.get().addresses.contains(address)) d.get().addresses.add(address);
            d.get().addressFrom.put(address, c);
            d.get().settle();
        }
    }

    // ---- ip route ----

    private void route(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
            return;
        }
        String action = w.get(0);
        boolean add = is(action, "add", 1) || action.equals("replace") || action.equals("append");
        boolean del = action.equals("del") || is(action, "delete", 1);
        if (!add && !del) {
            t.refuse(c, "ip route " + action + " has no word in the lab language");
            return;
        }
        String dest = null;
        String via = null;
        String dev = null;
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            boolean hasNext = i + 1 < w.size();
            if (word.equals("via") && hasNext) via = w.get(++i);
            else if ((word.equals("dev") || word.equals("oif")) && hasNext) dev = w.get(++i);
            else if (word.equals("to") && hasNext) dest = w.get(++i);
            else if (dest == null && !List.of("src", "table", "metric", "proto", "onlink", "scope").contains(word)) dest = word;
            else {
                t.refuse(c, "ip route ... " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (dest == null) {
            t.refuse(c, "ip route " + action + " without a destination");
            return;
        }
        if (del) Routes.delete(c, ns, dest, t);
        else Routes.add(c, ns, dest, via, dev, t);
    }

    // ---- ip tuntap ----

    private void tuntap(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
            return;
        }
        if (!w.get(0).equals("add")) {
            t.refuse(c, "ip tuntap " + w.get(0) + " has no word in the lab language");
            return;
        }
        String name = null;
        String mode = null;
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            if ((word.equals("dev") || word.equals("name")) && i + 1 < w.size()) name = w.get(++i);
            else if (word.equals("mode") && i + 1 < w.size()) mode = w.get(++i);
            else if (name == null) name = word;
            else {
                t.refuse(c, "ip tuntap add ... " + word + ": nslab import does not read this option");
                return;
            }
        }
        if (name == null || !("tap".equals(mode) || "tun".equals(mode))) {
            t.refuse(c, "ip tuntap add needs a device and mode tun or mode tap");
            return;
        }
        if (taken(c, ns, name, t)) return;
        Device d = new Device(mode.equals("tap") ? Device.Kind.TAP : Device.Kind.TUN, name, ns, c);
        d.settled = true;
        t.model.devices.add(d);
    }
}
