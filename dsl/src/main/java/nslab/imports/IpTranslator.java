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
            case "link" -> IpLink.translate(rest, c, ns, t);
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

    static boolean is(String word, String action, int shortest) {
        return word.length() >= shortest && action.startsWith(word);
    }

    // ---- ip netns ----

    private void netns(ShellCommand rest, ShellCommand c, String ns, Translation t) {
        List<String> w = rest.words();
        if (w.isEmpty() || isShow(w.get(0))) {
            t.skip(c, "only shows something");
        } else if (w.size() == 1 && w.get(0).matches("(list|show)\\S+")) {
            t.skip(c, "only shows something (what it showed is printed run into the command: "
                    + w.get(0).substring(4) + ")");
        } else if (w.get(0).equals("exec") && w.size() == 2) {
            t.skip(c, "runs nothing: no command follows the namespace");
        } else if (w.get(0).equals("add") && w.size() == 2) {
            // a tutorial's later section often starts afresh: the same namespace again adds nothing
            if (t.model.knows(w.get(1))) t.skip(c, "namespace " + w.get(1) + " is made already: nothing new");
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
        if (IpLink.taken(c, ns, name, t)) return;
        Device d = new Device(mode.equals("tap") ? Device.Kind.TAP : Device.Kind.TUN, name, ns, c);
        d.settled = true;
        t.model.devices.add(d);
    }
}
