package nslab.lang;

import groovy.lang.Closure;
import groovy.lang.MissingPropertyException;
import java.util.LinkedHashMap;
import java.util.Map;
import nslab.check.Problem;
import nslab.model.Bounds;
import nslab.model.DeviceKind;
import nslab.model.FirewallRule;
import nslab.model.Route;
import nslab.model.Routing;
import nslab.model.RunCommand;
import nslab.model.Source;
import nslab.model.Sysctl;

/**
 * The words of a {@code namespace} or {@code host} block (and of the {@code dev}/{@code bridge}
 * blocks inside it, which share it with their interface made current). Each method records what
 * was said with its script line; checking is left to the validator.
 */
public final class NamespaceBody extends BlockBody {
    private final NamespaceState ns;

    NamespaceBody(LabBuilder lab, NamespaceState ns) {
        super(lab, Words.Context.NAMESPACE);
        this.ns = ns;
    }

    // ---- interfaces ----

    public VethChain veth(CharSequence name) {
        Source here = ScriptLines.here();
        IfaceState end = ns.declare(Text.of(name), here);
        end.peer = new IfaceState.VethPeer(null, null, null, here);
        ns.current = end;
        return new VethChain(lab, end);
    }

    public void dev(CharSequence name) {
        ns.current = ns.reference(Text.of(name), ScriptLines.here());
    }

    public void dev(CharSequence name, Closure<?> block) {
        dev(name);
        inBlock(ns.current, block);
    }

    public void bridge(CharSequence name) {
        declare(name, new DeviceKind.Bridge(java.util.List.of()));
    }

    public void bridge(CharSequence name, Closure<?> block) {
        bridge(name);
        inBlock(ns.current, block);
    }

    public void tap(CharSequence name) {
        declare(name, new DeviceKind.Tap());
    }

    public void tap(CharSequence name, Closure<?> block) {
        tap(name);
        inBlock(ns.current, block);
    }

    public void tun(CharSequence name) {
        declare(name, new DeviceKind.Tun());
    }

    public void tun(CharSequence name, Closure<?> block) {
        tun(name);
        inBlock(ns.current, block);
    }

    public ParentChain macvlan(CharSequence name) {
        return macvlan(Map.of(), name);
    }

    public ParentChain macvlan(Map<String, ?> options, CharSequence name) {
        lab.checkKeys("macvlan", options, ScriptLines.here());
        IfaceState s = declare(name, null);
        String mode = options.containsKey("mode") ? string(options, "mode") : "bridge";
        String from = string(options, "from");
        return new ParentChain(lab, "macvlan", s, (parent, opts) -> new DeviceKind.Macvlan(parent,
                opts.containsKey("mode") ? string(opts, "mode") : mode,
                opts.containsKey("from") ? string(opts, "from") : from));
    }

    public ParentChain vlan(CharSequence name) {
        return vlan(Map.of(), name);
    }

    public ParentChain vlan(Map<String, ?> options, CharSequence name) {
        lab.checkKeys("vlan", options, ScriptLines.here());
        IfaceState s = declare(name, null);
        return new ParentChain(lab, "vlan", s, (parent, opts) -> {
            Object id = opts.containsKey("id") ? opts.get("id") : options.get("id");
            return new DeviceKind.Vlan(parent, id == null ? -1 : whole("vlan id", id, Bounds.VLAN_ID, "id: 10"));
        });
    }

    public void vxlan(Map<String, ?> options, CharSequence name) {
        lab.checkKeys("vxlan", options, ScriptLines.here());
        Object id = options.get("id");
        Object port = options.get("port");
        declare(name, new DeviceKind.Vxlan(id == null ? -1 : whole("vxlan id", id, Bounds.VNI, "id: 42"),
                string(options, "remote"),
                string(options, "dev"),
                port == null ? 4789 : whole("vxlan port", port, Bounds.PORT, "port: 4789")));
    }

    public void port(CharSequence... names) {
        Source here = ScriptLines.here();
        IfaceState bridge = ns.current;
        if (bridge == null || !(bridge.kind instanceof DeviceKind.Bridge b)) {
            lab.problem(Problem.error(here, "port belongs inside a bridge block",
                    "write: bridge 'br0' { port '" + (names.length > 0 ? Text.of(names[0]) : "eth0") + "' }"));
            return;
        }
        var ports = new java.util.ArrayList<>(b.ports());
        for (CharSequence name : names) {
            String p = Text.of(name);
            ports.add(p);
            IfaceState port = ns.reference(p, here);
            port.master = bridge.name;
            port.setAt("master", here);
        }
        bridge.kind = new DeviceKind.Bridge(ports);
    }

    // ---- settings of the current interface ----

    public void ip(CharSequence text) {
        String address = Text.of(text);
        IfaceState cur = current("ip '" + address + "'");
        if (cur != null) ns.addresses.add(LabBuilder.address(ns.name, cur.name, address, ScriptLines.here()));
    }

    public void ip(Map<String, ?> options, CharSequence address) {
        lab.checkKeys("ip", options, ScriptLines.here());
        String dev = string(options, "dev");
        if (dev == null) {
            ip(address);
            return;
        }
        Source here = ScriptLines.here();
        ns.reference(dev, here);
        ns.addresses.add(LabBuilder.address(ns.name, dev, Text.of(address), here));
    }

    public void mtu(Number mtu) {
        IfaceState cur = current("mtu " + mtu);
        Integer exact = WholeNumbers.exact(mtu);
        if (exact == null) whole("mtu", mtu, Bounds.MTU, "mtu 1400");
        if (cur != null && exact != null) {
            cur.mtu = exact;
            cur.setAt("mtu", ScriptLines.here());
        }
    }

    public void mac(CharSequence text) {
        String mac = Text.of(text);
        IfaceState cur = current("mac '" + mac + "'");
        if (cur != null) {
            cur.mac = mac;
            cur.setAt("mac", ScriptLines.here());
        }
    }

    public void up() {
        IfaceState cur = current("up");
        if (cur != null) {
            cur.up = true;
            cur.setAt("up", ScriptLines.here());
        }
    }

    public void down() {
        IfaceState cur = current("down");
        if (cur != null) {
            cur.up = false;
            cur.setAt("up", ScriptLines.here());
        }
    }

    public void netem(Map<String, ?> options) {
        lab.checkKeys("netem", options, ScriptLines.here());
        IfaceState cur = current("netem");
        if (cur == null) return;
        NamespaceState.ConditionState c = condition(cur);
        options.forEach((k, v) -> c.netem.put(k, Text.of(v)));
    }

    public void rate(CharSequence text) {
        String rate = Text.of(text);
        IfaceState cur = current("rate '" + rate + "'");
        if (cur != null) condition(cur).rate = rate;
    }

    // ---- routing and the namespace as a whole ----

    public void gateway(CharSequence address) {
        ns.routes.add(new Route(ns.name, "default", Text.of(address), null, ScriptLines.here()));
    }

    public RouteChain route(CharSequence destination) {
        Route r = new Route(ns.name, Text.of(destination), null, null, ScriptLines.here());
        ns.routes.add(r);
        return new RouteChain(ns, r);
    }

    public void forward(boolean on) {
        ns.forward = on;
        ns.forwardSource = ScriptLines.here();
    }

    public void loopback(boolean up) {
        ns.loopback = up;
    }

    public void sysctl(CharSequence key, Object value) {
        ns.sysctls.add(new Sysctl(ns.name, Text.of(key), Text.of(value), ScriptLines.here()));
    }

    /** A sysctl of the whole machine, outside net. (host only): written so, it is meant. */
    public void hostSysctl(CharSequence key, Object value) {
        ns.sysctls.add(new Sysctl(ns.name, Text.of(key), Text.of(value), ScriptLines.here(), true));
    }

    public void masquerade(Map<String, ?> options, CharSequence from) {
        lab.checkKeys("masquerade", options, ScriptLines.here());
        ns.rules.add(new FirewallRule.Masquerade(ns.name, Text.of(from), string(options, "out"), ScriptLines.here()));
    }

    public void masquerade(Map<String, ?> options) {
        lab.checkKeys("masquerade", options, ScriptLines.here());
        ns.rules.add(new FirewallRule.Masquerade(ns.name, string(options, "from"), string(options, "out"),
                ScriptLines.here()));
    }

    public void accept(Map<String, ?> options) {
        lab.checkKeys("accept", options, ScriptLines.here());
        ns.rules.add(new FirewallRule.Forward(ns.name, true, string(options, "in"), string(options, "out"),
                ScriptLines.here()));
    }

    public void drop(Map<String, ?> options) {
        lab.checkKeys("drop", options, ScriptLines.here());
        ns.rules.add(new FirewallRule.Forward(ns.name, false, string(options, "in"), string(options, "out"),
                ScriptLines.here()));
    }

    public void forwardPort(Map<String, ?> options, Number portWritten) {
        lab.checkKeys("forwardPort", options, ScriptLines.here());
        int port = whole("forwardPort", portWritten, Bounds.PORT, "forwardPort 8080, to: '192.168.100.1:80'");
        String to = string(options, "to");
        String address = to;
        int toPort = port;
        if (to != null && to.matches(".*:\\d+") && to.indexOf(':') == to.lastIndexOf(':')) {
            address = to.substring(0, to.lastIndexOf(':'));
            toPort = whole("forwardPort to: port", to.substring(to.lastIndexOf(':') + 1), Bounds.PORT,
                    "to: '" + address + ":80'");
        }
        String proto = options.containsKey("proto") ? string(options, "proto") : "tcp";
        ns.rules.add(new FirewallRule.ForwardPort(ns.name, port, address, toPort, string(options, "in"), proto,
                ScriptLines.here()));
    }

    public void run(CharSequence command) {
        ns.runs.add(new RunCommand(ns.name, Text.of(command), ScriptLines.here()));
    }

    // ---- routing daemons (FRR) ----

    /** {@code ospf area: 0}, with {@code interfaces: ['eth0']} and {@code cost: 10} optional. */
    public void ospf(Map<String, ?> options) {
        Source here = ScriptLines.here();
        lab.checkKeys("ospf", options, here);
        if (!options.containsKey("area")) {
            lab.problem(Problem.error(here, "ospf needs its area", "write: ospf area: 0"));
        }
        long area = options.containsKey("area") ? wholeLong("ospf area", options.get("area"), Bounds.OSPF_AREA, "ospf area: 0") : 0;
        Object listed = options.get("interfaces");
        java.util.List<String> interfaces = new java.util.ArrayList<>();
        if (listed instanceof java.util.Collection<?> c) {
            c.forEach(i -> interfaces.add(Text.of(i)));
        } else if (listed != null) {
            interfaces.add(Text.of(listed));
        }
        Integer cost = options.containsKey("cost")
                ? (int) wholeLong("ospf cost", options.get("cost"), Bounds.OSPF_COST, "ospf area: 0, cost: 10") : null;
        if (ns.ospf != null) {
            lab.problem(Problem.error(here, "ospf is already set for '" + ns.name + "' on line " + ns.ospf.source().line(),
                    "write one ospf line per namespace; interfaces: [...] lists all the interfaces it runs on"));
            return;
        }
        ns.ospf = new Routing.Ospf(area, interfaces, cost, here);
    }

    /** {@code bgp asn: 65001}; its neighbor and network lines follow it, or stand in its block. */
    public void bgp(Map<String, ?> options) {
        Source here = ScriptLines.here();
        lab.checkKeys("bgp", options, here);
        if (!options.containsKey("asn")) lab.problem(Problem.error(here, "bgp needs its AS number", "write: bgp asn: 65001"));
        long asn = options.containsKey("asn") ? wholeLong("bgp asn", options.get("asn"), Bounds.ASN, "bgp asn: 65001") : 1;
        if (ns.bgp != null) {
            lab.problem(Problem.error(here, "bgp is already set for '" + ns.name + "' on line " + ns.bgp.source().line(),
                    "a namespace speaks BGP as one AS: write bgp once, with all its neighbor and network lines"));
            return;
        }
        ns.bgp = new Routing.Bgp(asn, java.util.List.of(), java.util.List.of(), here);
    }

    public void bgp(Map<String, ?> options, Closure<?> block) {
        bgp(options);
        LabScript.runBody(lab, this, block, Words.Context.NAMESPACE);
    }

    /** {@code neighbor '10.0.0.2', asn: 65002}: a BGP peer of this namespace's bgp. */
    public void neighbor(Map<String, ?> options, CharSequence address) {
        Source here = ScriptLines.here();
        lab.checkKeys("neighbor", options, here);
        String peer = Text.of(address);
        if (!options.containsKey("asn")) {
            lab.problem(Problem.error(here, "neighbor '" + peer + "' needs the AS number of the peer",
                    "write: neighbor '" + peer + "', asn: 65002"));
        }
        long asn = options.containsKey("asn") ? wholeLong("neighbor asn", options.get("asn"), Bounds.ASN,
                "neighbor '" + peer + "', asn: 65002") : 1;
        if (needsBgp("neighbor '" + peer + "', asn: " + asn)) ns.neighbors.add(new Routing.Neighbor(peer, asn, here));
    }

    public void neighbor(CharSequence address) {
        neighbor(Map.of(), address);
    }

    /** {@code network '10.1.0.0/24'}: a prefix this namespace's bgp announces. */
    public void network(CharSequence prefix) {
        String p = Text.of(prefix);
        if (needsBgp("network '" + p + "'")) ns.networks.add(new Routing.Network(p, ScriptLines.here()));
    }

    /** {@code frr '''router rip ...'''}: FRR configuration added as written. */
    public void frr(CharSequence text) {
        ns.raw.add(new Routing.RawFrr(Text.of(text), ScriptLines.here()));
    }

    private boolean needsBgp(String what) {
        if (ns.bgp != null) return true;
        lab.problem(Problem.error(ScriptLines.here(), what + " belongs to a bgp, and '" + ns.name + "' has none yet",
                "write bgp asn: 65001 before it in this namespace"));
        return false;
    }

    /** Bare words ({@code up}, {@code down}) reach Groovy as property reads. */
    public Object propertyMissing(String name) {
        switch (name) {
            case "up" -> up();
            case "down" -> down();
            default -> throw new MissingPropertyException(name, NamespaceBody.class);
        }
        return null;
    }

    // ---- helpers ----

    private IfaceState declare(CharSequence name, DeviceKind kind) {
        IfaceState s = ns.declare(Text.of(name), ScriptLines.here());
        s.kind = kind;
        ns.current = s;
        return s;
    }

    private void inBlock(IfaceState iface, Closure<?> block) {
        LabScript.runBody(lab, this, block, Words.Context.NAMESPACE);
        ns.current = iface;
    }

    private IfaceState current(String what) {
        if (ns.current == null) {
            lab.problem(Problem.error(ScriptLines.here(), what + " needs an interface, and '" + ns.name
                            + "' has none declared or selected yet",
                    "declare one first (veth, bridge, tap, ...), select one with dev 'NAME', or write dev: 'NAME'"));
        }
        return ns.current;
    }

    private NamespaceState.ConditionState condition(IfaceState iface) {
        NamespaceState.ConditionState c = ns.conditions.computeIfAbsent(iface.name,
                n -> new NamespaceState.ConditionState());
        if (c.source == null) c.source = ScriptLines.here();
        return c;
    }

    private static String string(Map<String, ?> options, String key) {
        Object v = options.get(key);
        return v == null ? null : Text.of(v);
    }

    /**
     * {@code written} as an int when it is exactly one; otherwise an error here, and the lowest
     * value of {@code bounds} so that validation adds no second error for the same number.
     */
    private int whole(String what, Object written, Bounds bounds, String example) {
        Integer exact = WholeNumbers.exact(written);
        if (exact != null) return exact;
        lab.problem(Problem.error(ScriptLines.here(), what + " " + Text.of(written) + " is not a whole number from "
                + bounds.range(), "write: " + example));
        return (int) bounds.low();
    }

    /** Like {@link #whole}, for numbers beyond an int (AS numbers, OSPF areas). */
    private long wholeLong(String what, Object written, Bounds bounds, String example) {
        Long exact = null;
        if (written instanceof Number n && !(written instanceof Double || written instanceof Float)
                && new java.math.BigDecimal(n.toString()).stripTrailingZeros().scale() <= 0) {
            try {
                exact = new java.math.BigDecimal(n.toString()).longValueExact();
            } catch (ArithmeticException e) {
                exact = null;
            }
        } else if (written != null && Text.of(written).matches("\\d{1,12}")) {
            exact = Long.parseLong(Text.of(written));
        }
        if (exact != null && bounds.holds(exact)) return exact;
        lab.problem(Problem.error(ScriptLines.here(), what + " " + Text.of(written) + " is not a whole number from "
                + bounds.range(), "write: " + example));
        return bounds.low();
    }

    // ---- the second half of two-part phrases ----

    /** {@code veth 'a' peer 'ns'} and {@code veth 'a' peer 'ns', name: 'b', ip: '...'}. */
    public static final class VethChain {
        private final LabBuilder lab;
        private final IfaceState end;

        VethChain(LabBuilder lab, IfaceState end) {
            this.lab = lab;
            this.end = end;
        }

        public void peer(CharSequence target) {
            peer(Map.of(), target);
        }

        public void peer(Map<String, ?> options, CharSequence target) {
            lab.checkKeys("peer", options, ScriptLines.here());
            end.peer = new IfaceState.VethPeer(Text.of(target), string(options, "name"), string(options, "ip"),
                    end.peer.source());
        }
    }

    /** {@code macvlan 'mv0' on 'eth0'}, {@code vlan 'eth0.10' on 'eth0', id: 10}. */
    public static final class ParentChain {
        interface KindMaker {
            DeviceKind make(String parent, Map<String, ?> options);
        }

        private final LabBuilder lab;
        private final String head;
        private final IfaceState iface;
        private final KindMaker maker;

        ParentChain(LabBuilder lab, String head, IfaceState iface, KindMaker maker) {
            this.lab = lab;
            this.head = head;
            this.iface = iface;
            this.maker = maker;
            iface.kind = maker.make(null, Map.of());
        }

        public void on(CharSequence parent) {
            on(Map.of(), parent);
        }

        public void on(Map<String, ?> options, CharSequence parent) {
            lab.checkKeys("on", head, options, ScriptLines.here());
            iface.kind = maker.make(Text.of(parent), options);
        }
    }

    /** {@code route 'x' via 'gw'}, {@code route 'x' dev 'eth0'}, and both in either order. */
    public static final class RouteChain {
        private final NamespaceState ns;
        private Route route;

        RouteChain(NamespaceState ns, Route route) {
            this.ns = ns;
            this.route = route;
        }

        public RouteChain via(CharSequence gateway) {
            replace(new Route(route.namespace(), route.destination(), Text.of(gateway), route.dev(), route.source()));
            return this;
        }

        public RouteChain dev(CharSequence dev) {
            replace(new Route(route.namespace(), route.destination(), route.via(), Text.of(dev), route.source()));
            return this;
        }

        private void replace(Route next) {
            for (int i = 0; i < ns.routes.size(); i++) {
                if (ns.routes.get(i) == route) ns.routes.set(i, next);
            }
            route = next;
        }
    }
}
