package nslab.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.LinkChange;
import nslab.plan.Operation;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * What a step makes on the kernel, as the journal records it: typed, so that its undo is worked
 * out here from names and values, never read back as a command. Every field read back from a
 * journal is checked against what nslab itself could have written ({@link #check}); the undo of
 * a record that fails the check is never built.
 * <p>
 * {@code namespace} is where the thing lives (null: the root namespace).
 */
sealed interface Made {
    String namespace();

    /**
     * The operation that takes it away, or null when nothing needs to ({@code oldValue}: a sysctl's
     * value before the lab set it, as read when it was set; null: never read).
     */
    Operation undo(String oldValue);

    /** A named network namespace. */
    record Namespace(String name) implements Made {
        public String namespace() { return null; }
        public Operation undo(String oldValue) { return new Operation.DeleteNamespace(name); }
    }

    /** A device of a kind (veth, bridge, tap, vxlan, ...) made by one command, named in its namespace. */
    record Link(String namespace, String name, String kind) implements Made {
        public Operation undo(String oldValue) { return new Operation.DeleteLink(namespace, name); }
    }

    /** An address on a device. */
    record Address(String namespace, String dev, String address) implements Made {
        public Operation undo(String oldValue) { return new Operation.DeleteAddress(namespace, dev, address); }
    }

    /** A route: its destination, and {@code via ADDRESS} / {@code dev NAME}. */
    record Route(String namespace, List<String> spec) implements Made {
        public Route { spec = List.copyOf(spec); }

        /** The spec's words, checked ({@link #check}): a destination, then {@code via} and {@code dev} pairs. */
        public Operation undo(String oldValue) {
            int via = spec.indexOf("via");
            int dev = spec.indexOf("dev");
            return new Operation.DeleteRoute(namespace, spec.get(0), via > 0 ? spec.get(via + 1) : null,
                    dev > 0 ? spec.get(dev + 1) : null);
        }
    }

    /** A device set up, set down when the lab goes. */
    record Up(String namespace, String dev) implements Made {
        public Operation undo(String oldValue) { return new Operation.SetLink(namespace, dev, new LinkChange.Down()); }
    }

    /** A device attached to a bridge. */
    record Master(String namespace, String dev) implements Made {
        public Operation undo(String oldValue) { return new Operation.SetLink(namespace, dev, new LinkChange.NoMaster()); }
    }

    /** A kernel setting and the value the lab set; its undo is the value it replaced. */
    record Sysctl(String namespace, String key, String value) implements Made {
        public Operation undo(String oldValue) {
            return oldValue == null || namespace == null ? null // the host's are counted across labs (HostSysctls)
                    : new Operation.SetSysctl(namespace, key, oldValue);
        }
    }

    /** An iptables rule: its table, chain and match. */
    record Rule(String namespace, String table, String chain, List<String> spec) implements Made {
        public Rule { spec = List.copyOf(spec); }

        public Operation undo(String oldValue) {
            return new Operation.IptablesRule(namespace, false, table, chain, spec);
        }
    }

    /** A root queueing discipline on a device. */
    record Qdisc(String namespace, String dev) implements Made {
        public Operation undo(String oldValue) { return new Operation.DeleteQdisc(namespace, dev); }
    }

    /** A process started and left running: stopped by its PID and start time, never by a command. */
    record Process(String namespace) implements Made {
        public Operation undo(String oldValue) { return null; }
    }

    /** A change that goes with its device or namespace (an MTU, a MAC, lo up), or one nobody described. */
    record Setting(String namespace) implements Made {
        public Operation undo(String oldValue) { return null; }
    }

    /**
     * What {@code s} makes, from the planner's typed effect and the step itself (in this process,
     * where the plan is trusted); the undo it gives is the planner's.
     */
    static Made of(Step s) {
        Effect e = s.effect();
        Command c = s.command();
        List<String> a = c.args();
        return switch (e.kind()) {
            case NAMESPACE -> new Namespace(e.name());
            case DEVICE -> new Link(e.creates().get(0).namespace(), e.creates().get(0).name(),
                    s.operation() instanceof Operation.AddLink l ? l.kind().kind() : kindOf(a));
            case ADDRESS -> new Address(e.namespace(), e.on().get(0).name(), e.name());
            case ROUTE -> new Route(e.namespace(), a.subList(2, a.size()));
            case LINK_SETTING -> {
                List<String> u = s.undo() == null ? List.of() : s.undo().args();
                if (u.isEmpty()) yield new Setting(e.namespace());
                yield u.get(u.size() - 1).equals("nomaster") ? new Master(e.namespace(), e.name()) : new Up(e.namespace(), e.name());
            }
            case SYSCTL -> {
                String kv = a.get(a.size() - 1);
                int eq = kv.indexOf('=');
                yield new Sysctl(e.namespace(), e.name(), eq < 0 ? "" : kv.substring(eq + 1));
            }
            case RULE -> {
                int at = a.indexOf("-A");
                yield new Rule(e.namespace(), e.name(), a.get(at + 1), a.subList(at + 2, a.size()));
            }
            case QDISC -> s.undo() == null ? new Setting(e.namespace()) : new Qdisc(e.namespace(), e.name());
            case PROCESS -> new Process(e.namespace());
            case OTHER -> new Setting(e.namespace());
        };
    }

    /** The kind word of a device-making command nobody typed (a step written by hand). */
    private static String kindOf(List<String> args) {
        int type = args.indexOf("type");
        if (type >= 0 && type + 1 < args.size()) return args.get(type + 1);
        int mode = args.indexOf("mode");
        if (args.contains("tuntap") && mode >= 0 && mode + 1 < args.size()) return args.get(mode + 1);
        return "link";
    }

    // What nslab itself writes: a name no option can be taken for and no path can climb out of
    // (interface names may hold a shell's characters: they are only ever passed as one argument),
    // an address, a route's or a rule's own words. Anything else is not nslab's record.
    Pattern NAME = Pattern.compile("(?!\\.\\.?$)[^-\\s/\\p{Cntrl}][^\\s/\\p{Cntrl}]{0,254}");
    Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/[0-9]{1,3})?");
    Pattern KEY = Pattern.compile("[^-/\\s\\p{Cntrl}][^\\s\\p{Cntrl}]{0,254}"); // a per-device key holds the device's name
    Pattern VALUE = Pattern.compile("[^\\p{Cntrl}]{0,4096}");
    Pattern WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,30}");
    Set<String> TABLES = Set.of("filter", "nat", "mangle", "raw");
    Set<String> RULE_OPTIONS = Set.of("-s", "-d", "-i", "-o", "-p", "--dport", "--sport", "-j", "--to-destination");
    Set<String> TARGETS = Set.of("ACCEPT", "DROP", "MASQUERADE", "DNAT", "SNAT", "REJECT");

    /** Throws {@link IllegalArgumentException} unless every field is one nslab could have written. */
    static Made check(Made m) {
        if (m.namespace() != null) name(m.namespace());
        if (m instanceof Namespace n) name(n.name());
        else if (m instanceof Link l) { name(l.name()); word(l.kind()); }
        else if (m instanceof Address a) { name(a.dev()); matches(ADDRESS, a.address(), "an address"); }
        else if (m instanceof Route r) route(r.spec());
        else if (m instanceof Up u) name(u.dev());
        else if (m instanceof Master x) name(x.dev());
        else if (m instanceof Sysctl s) {
            matches(KEY, s.key(), "a sysctl key");
            if (s.key().contains("../") || s.key().contains("/..")) throw new IllegalArgumentException("a sysctl key that leaves /proc/sys");
            matches(VALUE, s.value(), "a sysctl value");
        } else if (m instanceof Rule r) rule(r);
        else if (m instanceof Qdisc q) name(q.dev());
        return m;
    }

    /**
     * Throws {@link IllegalArgumentException} unless a step read back from a journal is one: its
     * command makes what {@code m} says (never deletes or flushes), and the effect names the same
     * things. A journal's command is compared with the next plan, and at most run again to put a
     * step back after a failed apply; a command that does not agree is not nslab's.
     */
    static void agrees(Made m, Command c, Effect e) {
        if (c.namespace() != null) name(c.namespace());
        if (e.namespace() != null) name(e.namespace());
        for (List<Effect.Device> list : List.of(e.creates(), e.on())) {
            for (Effect.Device d : list) {
                if (d.namespace() != null) name(d.namespace());
                name(d.name());
            }
        }
        List<String> a = c.args();
        if (c.tool() != Tool.RUN) for (String arg : a) matches(VALUE, arg, "an argument"); // a run command is never run from here
        String verb = a.size() >= 2 ? a.get(0) + " " + a.get(1) : "";
        boolean ok;
        if (m instanceof Namespace n) {
            ok = e.kind() == Effect.Kind.NAMESPACE && e.name().equals(n.name()) && c.equals(Command.ip(null, "netns", "add", n.name()));
        } else if (m instanceof Link l) {
            ok = e.kind() == Effect.Kind.DEVICE && c.tool() == Tool.IP && (verb.equals("link add") || verb.equals("tuntap add"))
                    && e.creates().get(0).equals(new Effect.Device(l.namespace(), l.name()));
        } else if (m instanceof Address x) {
            ok = e.kind() == Effect.Kind.ADDRESS && c.tool() == Tool.IP && verb.equals("addr add") && e.name().equals(x.address());
        } else if (m instanceof Route r) {
            ok = e.kind() == Effect.Kind.ROUTE && c.tool() == Tool.IP && verb.equals("route add")
                    && a.subList(2, a.size()).equals(r.spec());
        } else if (m instanceof Up || m instanceof Master) {
            ok = e.kind() == Effect.Kind.LINK_SETTING && c.tool() == Tool.IP && verb.equals("link set");
        } else if (m instanceof Sysctl s) {
            ok = e.kind() == Effect.Kind.SYSCTL && c.tool() == Tool.SYSCTL && e.name().equals(s.key())
                    && a.equals(List.of("-w", s.key() + "=" + s.value()));
        } else if (m instanceof Rule r) {
            List<String> want = new ArrayList<>();
            if (!r.table().equals("filter")) want.addAll(List.of("-t", r.table()));
            want.addAll(List.of("-A", r.chain()));
            want.addAll(r.spec());
            ok = e.kind() == Effect.Kind.RULE && c.tool() == Tool.IPTABLES && a.equals(want) && e.name().equals(r.table());
        } else if (m instanceof Qdisc) {
            ok = e.kind() == Effect.Kind.QDISC && c.tool() == Tool.TC && verb.equals("qdisc add");
        } else if (m instanceof Process) {
            ok = e.kind() == Effect.Kind.PROCESS && c.tool() == Tool.RUN;
        } else {
            ok = e.kind() != Effect.Kind.NAMESPACE && e.kind() != Effect.Kind.PROCESS && c.tool() != Tool.RUN
                    && e.creates().isEmpty() && a.stream().noneMatch(w -> w.equals("del") || w.equals("delete") || w.equals("flush")
                    || w.startsWith("-D") || w.startsWith("-F") || w.startsWith("-X") || w.equals("--flush") || w.equals("--delete"));
        }
        if (!ok) throw new IllegalArgumentException("a step whose command does not make what it says it made");
    }

    private static void route(List<String> spec) {
        if (spec.isEmpty()) throw new IllegalArgumentException("a route without a destination");
        if (!spec.get(0).equals("default")) matches(ADDRESS, spec.get(0), "a route destination");
        if (spec.size() % 2 != 1) throw new IllegalArgumentException("a malformed route");
        for (int i = 1; i < spec.size(); i += 2) {
            switch (spec.get(i)) {
                case "via" -> matches(ADDRESS, spec.get(i + 1), "a gateway");
                case "dev" -> name(spec.get(i + 1));
                default -> throw new IllegalArgumentException("a route word nslab does not write: " + spec.get(i));
            }
        }
    }

    private static void rule(Rule r) {
        if (!TABLES.contains(r.table())) throw new IllegalArgumentException("an iptables table nslab does not use");
        word(r.chain());
        if (!r.chain().equals(r.chain().toUpperCase())) throw new IllegalArgumentException("a chain nslab does not use");
        List<String> spec = r.spec();
        if (spec.size() % 2 != 0) throw new IllegalArgumentException("a malformed rule");
        for (int i = 0; i < spec.size(); i += 2) {
            String option = spec.get(i);
            String value = spec.get(i + 1);
            if (!RULE_OPTIONS.contains(option)) throw new IllegalArgumentException("a rule option nslab does not write: " + option);
            switch (option) {
                case "-s", "-d" -> matches(ADDRESS, value, "an address");
                case "-i", "-o" -> name(value);
                case "-j" -> { if (!TARGETS.contains(value)) throw new IllegalArgumentException("a target nslab does not write"); }
                case "--to-destination" -> matches(Pattern.compile("[0-9A-Fa-f:.\\[\\]]{2,48}(:[0-9]{1,5})?"), value, "a destination");
                default -> word(value);
            }
        }
    }

    private static void name(String s) { matches(NAME, s, "a name"); }

    private static void word(String s) { matches(WORD, s, "a word"); }

    private static void matches(Pattern p, String s, String what) {
        if (s == null || !p.matcher(s).matches()) throw new IllegalArgumentException(what + " nslab does not write");
    }
}
