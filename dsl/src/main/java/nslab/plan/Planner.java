package nslab.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.FirewallRule;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.LinkCondition;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.RunCommand;
import nslab.model.Sysctl;

/**
 * Turns a valid lab into its plan. This is the one place where each word of the language becomes
 * commands; the order of the phases is the order the kernel needs.
 */
public final class Planner {
    /** tbf needs a bucket size and a queue limit; these suit rates from about 1 to 1000 mbit. */
    static final List<String> TBF_DEFAULTS = List.of("burst", "32kbit", "latency", "400ms");
    /** netem's own keywords, in the order netem expects them. */
    static final List<String> NETEM_KEYS = List.of("limit", "delay", "jitter", "loss", "duplicate", "corrupt", "reorder");

    public Plan plan(Lab lab) {
        List<Step> steps = new ArrayList<>();
        for (Namespace ns : lab.created()) namespace(ns, steps);
        for (Namespace ns : hostFirstForMacvlans(lab)) devices(ns, steps);
        for (Namespace ns : lab.namespaces()) addressGenerationOff(ns, steps);
        for (Namespace ns : lab.namespaces()) addresses(ns, steps);
        for (Namespace ns : lab.namespaces()) linksUp(ns, steps);
        for (Namespace ns : lab.namespaces()) routes(ns, steps);
        for (Namespace ns : lab.namespaces()) sysctls(ns, steps);
        for (Namespace ns : lab.namespaces()) firewall(ns, steps);
        for (Namespace ns : lab.namespaces()) qdiscs(ns, steps);
        for (Namespace ns : lab.routers()) steps.addAll(new FrrPlanner().steps(ns));
        for (Namespace ns : lab.namespaces()) runs(ns, steps);
        return new Plan(lab, steps);
    }

    /**
     * The namespaces in the order their devices are made: as declared, except that the host comes
     * first when a macvlan of another namespace sits on an interface of the host, which may be
     * one the lab makes there.
     */
    private static List<Namespace> hostFirstForMacvlans(Lab lab) {
        boolean onHost = lab.namespaces().stream().flatMap(ns -> ns.interfaces().stream())
                .anyMatch(i -> i.kind() instanceof DeviceKind.Macvlan m && m.fromHost());
        if (!onHost) return lab.namespaces();
        List<Namespace> ordered = new ArrayList<>(lab.host().stream().toList());
        lab.namespaces().stream().filter(ns -> !ns.host()).forEach(ordered::add);
        return ordered;
    }

    /** The namespace argument of a command: null for the host. */
    static String where(Namespace ns) {
        return ns.host() ? null : ns.name();
    }

    static String where(String nsName) {
        return Namespace.HOST.equals(nsName) ? null : nsName;
    }

    private void namespace(Namespace ns, List<Step> steps) {
        steps.add(new Step(Phase.NAMESPACES, Command.ip(null, "netns", "add", ns.name()),
                Command.ip(null, "netns", "del", ns.name()), ns.source(),
                "creates network namespace " + ns.name() + ": its own interfaces, routes, ARP table and"
                        + " firewall, with only lo, and lo down").with(Effect.namespace(ns.name())));
    }

    private void devices(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Interface i : creationOrder(ns)) {
            Command del = Command.ip(at, "link", "del", "dev", i.name());
            if (i.kind() instanceof DeviceKind.Veth v && v.primary()) {
                steps.add(veth(ns, i, v));
            } else if (i.kind() instanceof DeviceKind.Bridge b) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "add", "name", i.name(), "type", "bridge"), del, i.source(),
                        "creates bridge " + i.name() + " in " + ns.name() + ": a virtual switch that forwards"
                                + " Ethernet frames between the interfaces attached to it").with(Effect.device(at, i.name(), null)));
            } else if (i.kind() instanceof DeviceKind.Tap t) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "tuntap", "add", "dev", i.name(), "mode", "tap"), del, i.source(),
                        "creates TAP device " + i.name() + ": Ethernet frames sent to it are read by a program"
                                + " from /dev/net/tun, and frames it writes there arrive here").with(Effect.device(at, i.name(), null)));
            } else if (i.kind() instanceof DeviceKind.Tun t) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "tuntap", "add", "dev", i.name(), "mode", "tun"), del, i.source(),
                        "creates TUN device " + i.name() + ": like TAP but carrying IP packets, no Ethernet"
                                + " header, so it cannot join a bridge").with(Effect.device(at, i.name(), null)));
            } else if (i.kind() instanceof DeviceKind.Macvlan m && m.fromHost()) {
                steps.add(hostMacvlan(ns, i, m));
            } else if (i.kind() instanceof DeviceKind.Macvlan m) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "add", "name", i.name(), "link", m.parent(), "type", "macvlan",
                                "mode", m.mode()), del, i.source(),
                        "creates MACVLAN " + i.name() + " on " + m.parent() + ": a second interface with its own"
                                + " MAC address on the same wire (" + m.mode() + " mode)").with(Effect.device(at, i.name(), m.parent())));
            } else if (i.kind() instanceof DeviceKind.Vxlan x) {
                steps.add(new Step(Phase.DEVICES, vxlan(at, i.name(), x), del,
                        i.source(), "creates VXLAN " + i.name() + " with VNI " + x.id() + ": Ethernet frames"
                        + " wrapped in UDP port " + x.port() + (x.remote() != null ? " to " + x.remote() : "")).with(Effect.device(at, i.name(), x.dev())));
            } else if (i.kind() instanceof DeviceKind.Vlan v) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "add", "name", i.name(), "link", v.parent(), "type", "vlan",
                                "id", String.valueOf(v.id())), del, i.source(),
                        "creates 802.1Q VLAN " + i.name() + " on " + v.parent() + ": frames leave tagged with"
                                + " VLAN id " + v.id()).with(Effect.device(at, i.name(), v.parent())));
            }
        }
        for (Interface i : ns.interfaces()) {
            if (!i.created()) continue;
            if (i.mtu() != null) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "set", "dev", i.name(), "mtu", String.valueOf(i.mtu())), null,
                        i.lineOf("mtu"), "sets the MTU of " + i.name() + " to " + i.mtu() + " bytes").with(Effect.linkSetting(at, i.name())));
            }
            if (i.mac() != null) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "set", "dev", i.name(), "address", i.mac()), null, i.lineOf("mac"),
                        "sets the MAC address of " + i.name() + " to " + i.mac()).with(Effect.linkSetting(at, i.name())));
            }
        }
        for (Interface i : ns.interfaces()) {
            if (i.master() != null) {
                steps.add(new Step(Phase.DEVICES,
                        Command.ip(at, "link", "set", "dev", i.name(), "master", i.master()),
                        Command.ip(at, "link", "set", "dev", i.name(), "nomaster"), i.lineOf("master"),
                        "plugs " + i.name() + " into bridge " + i.master() + ", like a cable into a switch port")
                        .with(Effect.linkSetting(at, i.name(), i.master())));
            }
        }
    }

    /**
     * A namespace without IPv6 addresses or routes: each interface in it is set to make no IPv6
     * address before it comes up, when the kernel would give it a link-local address and start
     * duplicate address detection, router solicitations and MLD reports, which a bridge floods to
     * all its ports. After every namespace's devices, since a veth end may be made by another's
     * step. (The kernel refuses this setting in the message that creates a device.)
     */
    private void addressGenerationOff(Namespace ns, List<Step> steps) {
        if (ns.host() || usesIpv6(ns)) return;
        String at = where(ns);
        for (Interface i : ns.interfaces()) {
            // below IPv6's minimum MTU the kernel keeps no IPv6 state on the device and refuses the setting
            if (!i.created() || (i.mtu() != null && i.mtu() < 1280)) continue;
            steps.add(new Step(Phase.DEVICES,
                    Command.ip(at, "link", "set", "dev", i.name(), "addrgenmode", "none"), null, i.source(),
                    "turns off IPv6 address generation on " + i.name() + ": " + ns.name() + " has no IPv6 address,"
                            + " so it comes up without a link-local fe80:: address and sends no IPv6 traffic of its own")
                    .with(Effect.linkSetting(at, i.name())));
        }
    }

    /** Whether a namespace has an IPv6 address or route: then its interfaces keep their link-local addresses. */
    static boolean usesIpv6(Namespace ns) {
        return ns.hasIpv6() || ns.routes().stream().anyMatch(r -> r.destination().contains(":") || r.via() != null && r.via().contains(":"));
    }

    /** Both ends are created directly in their namespaces, so no name ever meets the host's own interfaces. */
    private Step veth(Namespace ns, Interface i, DeviceKind.Veth v) {
        String peerAt = where(v.peerNamespace());
        String at = where(ns);
        List<String> args = new ArrayList<>(List.of("link", "add", "name", i.name()));
        Command create;
        if (v.peerNamespace().equals(ns.name())) {
            args.addAll(List.of("type", "veth", "peer", "name", v.peerName()));
            create = Command.of(at, Tool.IP, args);
        } else {
            if (at != null) args.addAll(List.of("netns", at));
            args.addAll(List.of("type", "veth", "peer", "name", v.peerName()));
            if (peerAt != null) args.addAll(List.of("netns", peerAt));
            create = Command.of(null, Tool.IP, args);
        }
        String ends = v.peerNamespace().equals(ns.name())
                ? i.name() + " and " + v.peerName() + ", both in " + ns.name()
                : i.name() + " in " + ns.name() + " and " + v.peerName() + " in " + v.peerNamespace();
        return new Step(Phase.DEVICES, create, Command.ip(at, "link", "del", "dev", i.name()), i.source(),
                "creates a veth pair, a virtual cable whose two ends are " + ends
                        + ": what one end sends, the other receives").with(Effect.devices(create.namespace(), List.of(
                        new Effect.Device(at, i.name()), new Effect.Device(peerAt, v.peerName())), List.of()));
    }

    /**
     * A macvlan on an interface of the host: made in the root namespace, where its parent is,
     * straight into its own namespace ({@code netns}), so its name never meets the host's. Its
     * parent is only named, never changed; the macvlan goes when its namespace goes.
     */
    private Step hostMacvlan(Namespace ns, Interface i, DeviceKind.Macvlan m) {
        String at = where(ns);
        Command create = Command.ip(null, "link", "add", "name", i.name(), "link", m.parent(), "netns", at,
                "type", "macvlan", "mode", m.mode());
        return new Step(Phase.DEVICES, create, Command.ip(at, "link", "del", "dev", i.name()), i.source(),
                "creates MACVLAN " + i.name() + " on the host's " + m.parent() + " and moves it into " + ns.name()
                        + ": an interface of " + ns.name() + " with its own MAC address on the host's wire ("
                        + m.mode() + " mode); " + m.parent() + " itself is left as it is")
                .with(Effect.devices(null, List.of(new Effect.Device(at, i.name())), List.of(new Effect.Device(null, m.parent()))));
    }

    private static Command vxlan(String at, String name, DeviceKind.Vxlan x) {
        List<String> args = new ArrayList<>(List.of("link", "add", "name", name, "type", "vxlan",
                "id", String.valueOf(x.id())));
        if (x.remote() != null) args.addAll(List.of("remote", x.remote()));
        if (x.dev() != null) args.addAll(List.of("dev", x.dev()));
        args.addAll(List.of("dstport", String.valueOf(x.port())));
        return Command.of(at, Tool.IP, args);
    }

    /** Parents before the devices stacked on them (macvlan, vlan and vxlan name a parent). */
    static List<Interface> creationOrder(Namespace ns) {
        List<Interface> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Interface> pending = new ArrayList<>(ns.interfaces().stream().filter(Interface::created).toList());
        while (!pending.isEmpty()) {
            boolean progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Interface i = it.next();
                String parent = parentOf(i);
                if (parent == null || placed.contains(parent) || ns.iface(parent).filter(Interface::created).isEmpty()) {
                    ordered.add(i);
                    placed.add(i.name());
                    it.remove();
                    progress = true;
                }
            }
            if (!progress) { // a cycle, which validation reports; keep declaration order
                ordered.addAll(pending);
                break;
            }
        }
        // veths first: they may be created from the host before anything is stacked on them
        List<Interface> result = new ArrayList<>(ordered.stream().filter(Interface::isVeth).toList());
        ordered.stream().filter(i -> !i.isVeth()).forEach(result::add);
        return result;
    }

    static String parentOf(Interface i) {
        if (i.kind() instanceof DeviceKind.Macvlan m) return m.fromHost() ? null : m.parent();
        if (i.kind() instanceof DeviceKind.Vlan v) return v.parent();
        if (i.kind() instanceof DeviceKind.Vxlan x) return x.dev();
        return null;
    }

    private void addresses(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Address a : ns.addresses()) {
            List<String> add = new ArrayList<>(List.of("addr", "add", a.text(), "dev", a.dev()));
            // nodad: an IPv6 address is usable at once instead of after duplicate address detection
            if (a.v6()) add.add("nodad");
            String connected = a.dev().equals(Interface.LOOPBACK)
                    ? " on its loopback: an address of the namespace itself, on no link, that others reach by routes to it"
                    : a.prefix().lengthGiven() && a.prefix().length() < a.prefix().maxLength()
                    ? ", and with it a route to " + a.prefix().networkText() + " through " + a.dev()
                    : "; with a full-length prefix no route to any neighbour comes with it";
            steps.add(new Step(Phase.ADDRESSES, Command.of(at, Tool.IP, add),
                    Command.ip(at, "addr", "del", a.text(), "dev", a.dev()), a.source(),
                    "gives " + a.dev() + " in " + ns.name() + " the address " + a.prefix().addressText() + connected)
                    .with(Effect.address(at, a.dev(), a.text())));
        }
    }

    private void linksUp(Namespace ns, List<Step> steps) {
        String at = where(ns);
        if (!ns.host() && ns.loopback()) {
            steps.add(new Step(Phase.LINKS_UP, Command.ip(at, "link", "set", "dev", "lo", "up"), null, ns.source(),
                    "brings lo up in " + ns.name() + ": a new namespace has it down, and then even"
                            + " its own addresses cannot be reached").with(Effect.linkSetting(at, "lo")));
        }
        for (Interface i : ns.interfaces()) {
            if (i.created() && i.up()) {
                steps.add(new Step(Phase.LINKS_UP, Command.ip(at, "link", "set", "dev", i.name(), "up"),
                        Command.ip(at, "link", "set", "dev", i.name(), "down"), i.source(),
                        "brings " + i.name() + " up: a down interface neither sends nor receives").with(Effect.linkSetting(at, i.name())));
            }
        }
    }

    private void routes(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Route r : ns.routes()) {
            List<String> spec = new ArrayList<>(List.of(r.destination()));
            if (r.via() != null) spec.addAll(List.of("via", r.via()));
            if (r.dev() != null) spec.addAll(List.of("dev", r.dev()));
            // no -6: ip reads the family from the destination or the gateway, and a line of
            // ip -batch cannot carry an option ("Object "-6" is unknown")
            List<String> add = new ArrayList<>(List.of("route", "add"));
            add.addAll(spec);
            List<String> del = new ArrayList<>(add);
            del.set(del.indexOf("add"), "del");
            String what = r.isDefault() ? "packets for any destination without a better route"
                    : "packets for " + r.destination();
            String how = r.via() != null ? "to the gateway " + r.via() + (r.dev() != null ? " through " + r.dev() : "")
                    : "straight out of " + r.dev() + ", as if the destination were on that link";
            steps.add(new Step(Phase.ROUTES, Command.of(at, Tool.IP, add), Command.of(at, Tool.IP, del), r.source(),
                    "sends " + what + " " + how).with(Effect.route(at, r.dev(), r.destination())));
        }
    }

    private void sysctls(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Sysctl s : ns.sysctls()) {
            steps.add(new Step(Phase.SYSCTLS, Command.of(at, Tool.SYSCTL, List.of("-w", s.key() + "=" + s.value())),
                    null, s.source(), SysctlMeaning.explain(ns.name(), s.key(), s.value())).with(Effect.sysctl(at, s.key())));
        }
    }

    private void firewall(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (FirewallRule rule : ns.rules()) {
            List<String> spec = new ArrayList<>();
            String sentence;
            String table = "filter";
            String chain;
            if (rule instanceof FirewallRule.Masquerade m) {
                    table = "nat";
                    chain = "POSTROUTING";
                    if (m.from() != null) spec.addAll(List.of("-s", m.from()));
                    if (m.out() != null) spec.addAll(List.of("-o", m.out()));
                    spec.addAll(List.of("-j", "MASQUERADE"));
                    sentence = "rewrites the source address of packets" + (m.from() != null ? " from " + m.from() : "")
                            + (m.out() != null ? " leaving by " + m.out() : "")
                            + " to the outgoing interface's own address, so that replies find their way back (NAT)";
            } else if (rule instanceof FirewallRule.Forward f) {
                    chain = "FORWARD";
                    if (f.in() != null) spec.addAll(List.of("-i", f.in()));
                    if (f.out() != null) spec.addAll(List.of("-o", f.out()));
                    spec.addAll(List.of("-j", f.accept() ? "ACCEPT" : "DROP"));
                    sentence = (f.accept() ? "accepts" : "drops") + " packets forwarded"
                            + (f.in() != null ? " from " + f.in() : "") + (f.out() != null ? " to " + f.out() : "");
            } else {
                FirewallRule.ForwardPort p = (FirewallRule.ForwardPort) rule;
                    table = "nat";
                    chain = "PREROUTING";
                    if (p.in() != null) spec.addAll(List.of("-i", p.in()));
                    spec.addAll(List.of("-p", p.proto(), "--dport", String.valueOf(p.port()), "-j", "DNAT",
                            "--to-destination", p.toAddress() + ":" + p.toPort()));
                    sentence = "sends " + p.proto().toUpperCase() + " connections to port " + p.port()
                            + (p.in() != null ? " arriving on " + p.in() : "") + " on to " + p.toAddress() + ":"
                            + p.toPort() + " by rewriting their destination (DNAT)";
            }
            List<String> add = new ArrayList<>();
            List<String> del = new ArrayList<>();
            if (!table.equals("filter")) {
                add.addAll(List.of("-t", table));
                del.addAll(List.of("-t", table));
            }
            add.addAll(List.of("-A", chain));
            del.addAll(List.of("-D", chain));
            add.addAll(spec);
            del.addAll(spec);
            steps.add(new Step(Phase.FIREWALL, Command.of(at, Tool.IPTABLES, add), Command.of(at, Tool.IPTABLES, del),
                    rule.source(), sentence).with(Effect.rule(at, table)));
        }
    }

    private void qdiscs(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (LinkCondition c : ns.conditions()) {
            List<String> args = new ArrayList<>(List.of("qdisc", "add", "dev", c.dev(), "root"));
            String sentence;
            if (c.hasNetem()) {
                args.add("netem");
                args.addAll(netemArgs(c.netem()));
                if (c.rate() != null) args.addAll(List.of("rate", c.rate()));
                sentence = "makes " + c.dev() + " behave like a worse link: " + describe(c);
            } else {
                args.addAll(List.of("tbf", "rate", c.rate()));
                args.addAll(TBF_DEFAULTS);
                sentence = "limits what " + c.dev() + " sends to " + c.rate() + " with a token bucket";
            }
            steps.add(new Step(Phase.QDISCS, Command.of(at, Tool.TC, args),
                    Command.of(at, Tool.TC, List.of("qdisc", "del", "dev", c.dev(), "root")), c.source(), sentence)
                    .with(Effect.qdisc(at, c.dev())));
        }
    }

    static List<String> netemArgs(Map<String, String> netem) {
        List<String> args = new ArrayList<>();
        for (String key : NETEM_KEYS) {
            if (key.equals("jitter") || !netem.containsKey(key)) continue;
            args.add(key);
            args.add(netem.get(key));
            if (key.equals("delay") && netem.containsKey("jitter")) args.add(netem.get("jitter"));
        }
        return args;
    }

    private static String describe(LinkCondition c) {
        List<String> parts = new ArrayList<>();
        c.netem().forEach((k, v) -> parts.add(k + " " + v));
        if (c.rate() != null) parts.add("rate " + c.rate());
        return String.join(", ", parts);
    }

    private void runs(Namespace ns, List<Step> steps) {
        for (RunCommand r : ns.runs()) {
            steps.add(new Step(Phase.RUN, Command.of(where(ns), Tool.RUN, List.of(r.command())), null, r.source(),
                    "starts '" + r.command() + "' in " + ns.name() + ", in the background", true)
                    .with(Effect.process(where(ns))));
        }
    }
}
