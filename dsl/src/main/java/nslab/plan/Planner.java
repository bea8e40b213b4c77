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
        steps.add(new Step(Phase.NAMESPACES, new Operation.AddNamespace(ns.name()),
                new Operation.DeleteNamespace(ns.name()), ns.source(),
                "creates network namespace " + ns.name() + ": its own interfaces, routes, ARP table and"
                        + " firewall, with only lo, and lo down").with(Effect.namespace(ns.name())));
    }

    private void devices(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Interface i : creationOrder(ns)) {
            if (i.kind() instanceof DeviceKind.Veth v && v.primary()) {
                steps.add(veth(ns, i, v));
            } else if (i.kind() instanceof DeviceKind.Macvlan m && m.fromHost()) {
                steps.add(hostMacvlan(ns, i, m));
            } else {
                LinkKind kind = linkKind(i.kind());
                if (kind == null) continue;
                steps.add(new Step(Phase.DEVICES, new Operation.AddLink(at, i.name(), null, kind),
                        new Operation.DeleteLink(at, i.name()), i.source(), kind.explanation(i.name(), ns.name()))
                        .with(Effect.device(at, i.name(), parentOf(i))));
            }
        }
        for (Interface i : ns.interfaces()) {
            if (!i.created()) continue;
            if (i.mtu() != null) {
                steps.add(new Step(Phase.DEVICES, new Operation.SetLink(at, i.name(), new LinkChange.Mtu(i.mtu())), null,
                        i.lineOf("mtu"), "sets the MTU of " + i.name() + " to " + i.mtu() + " bytes").with(Effect.linkSetting(at, i.name())));
            }
            if (i.mac() != null) {
                steps.add(new Step(Phase.DEVICES, new Operation.SetLink(at, i.name(), new LinkChange.Mac(i.mac())), null,
                        i.lineOf("mac"), "sets the MAC address of " + i.name() + " to " + i.mac()).with(Effect.linkSetting(at, i.name())));
            }
        }
        for (Interface i : ns.interfaces()) {
            if (i.master() != null) {
                steps.add(new Step(Phase.DEVICES, new Operation.SetLink(at, i.name(), new LinkChange.Master(i.master())),
                        new Operation.SetLink(at, i.name(), new LinkChange.NoMaster()), i.lineOf("master"),
                        "plugs " + i.name() + " into bridge " + i.master() + ", like a cable into a switch port")
                        .with(Effect.linkSetting(at, i.name(), i.master())));
            }
        }
    }

    /** The kind of a device the lab makes (a veth's pair and a host macvlan's placement are laid out by their own steps). */
    private static LinkKind linkKind(DeviceKind kind) {
        if (kind instanceof DeviceKind.Bridge) return new BridgeLink();
        if (kind instanceof DeviceKind.Tap) return new TunTapLink(true);
        if (kind instanceof DeviceKind.Tun) return new TunTapLink(false);
        if (kind instanceof DeviceKind.Macvlan m) return new MacvlanLink(m.parent(), m.mode(), m.fromHost());
        if (kind instanceof DeviceKind.Vxlan x) return new VxlanLink(x.id(), x.remote(), x.dev(), x.port());
        if (kind instanceof DeviceKind.Vlan v) return new VlanLink(v.parent(), v.id());
        return null;
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
            steps.add(new Step(Phase.DEVICES, new Operation.SetLink(at, i.name(), new LinkChange.AddrGenMode("none")), null,
                    i.source(),
                    "turns off IPv6 address generation on " + i.name() + ": " + ns.name() + " has no IPv6 address,"
                            + " so it comes up without a link-local fe80:: address and sends no IPv6 traffic of its own")
                    .with(Effect.linkSetting(at, i.name())));
        }
    }

    /** Whether a namespace has an IPv6 address or route: then its interfaces keep their link-local addresses. */
    static boolean usesIpv6(Namespace ns) {
        return ns.hasIpv6() || ns.routes().stream().anyMatch(r -> r.destination().contains(":") || r.via() != null && r.via().contains(":"));
    }

    /**
     * Both ends are created directly in their namespaces, so no name ever meets the host's own
     * interfaces: a pair within one namespace is made there, a pair across two from the root namespace.
     */
    private Step veth(Namespace ns, Interface i, DeviceKind.Veth v) {
        String peerAt = where(v.peerNamespace());
        String at = where(ns);
        boolean within = v.peerNamespace().equals(ns.name());
        Operation.AddLink create = within
                ? new Operation.AddLink(at, i.name(), null, new VethLink(v.peerName(), null, v.peerNamespace()))
                : new Operation.AddLink(null, i.name(), at, new VethLink(v.peerName(), peerAt, v.peerNamespace()));
        return new Step(Phase.DEVICES, create, new Operation.DeleteLink(at, i.name()), i.source(),
                create.kind().explanation(i.name(), ns.name())).with(Effect.devices(create.at(), List.of(
                        new Effect.Device(at, i.name()), new Effect.Device(peerAt, v.peerName())), List.of()));
    }

    /**
     * A macvlan on an interface of the host: made in the root namespace, where its parent is,
     * straight into its own namespace ({@code netns}), so its name never meets the host's. Its
     * parent is only named, never changed; the macvlan goes when its namespace goes.
     */
    private Step hostMacvlan(Namespace ns, Interface i, DeviceKind.Macvlan m) {
        String at = where(ns);
        MacvlanLink kind = new MacvlanLink(m.parent(), m.mode(), true);
        return new Step(Phase.DEVICES, new Operation.AddLink(null, i.name(), at, kind),
                new Operation.DeleteLink(at, i.name()), i.source(), kind.explanation(i.name(), ns.name()))
                .with(Effect.devices(null, List.of(new Effect.Device(at, i.name())), List.of(new Effect.Device(null, m.parent()))));
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

    /** The device of its own namespace that {@code i} is stacked on, which must be made first; null: none. */
    static String parentOf(Interface i) {
        LinkKind kind = linkKind(i.kind());
        return kind == null ? null : kind.stackedOn();
    }

    private void addresses(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Address a : ns.addresses()) {
            String connected = a.dev().equals(Interface.LOOPBACK)
                    ? " on its loopback: an address of the namespace itself, on no link, that others reach by routes to it"
                    : a.prefix().lengthGiven() && a.prefix().length() < a.prefix().maxLength()
                    ? ", and with it a route to " + a.prefix().networkText() + " through " + a.dev()
                    : "; with a full-length prefix no route to any neighbour comes with it";
            // an IPv6 address goes through duplicate address detection, as the kernel does it; apply waits for it
            steps.add(new Step(Phase.ADDRESSES, new Operation.AddAddress(at, a.dev(), a.text(), false),
                    new Operation.DeleteAddress(at, a.dev(), a.text()), a.source(),
                    "gives " + a.dev() + " in " + ns.name() + " the address " + a.prefix().addressText() + connected)
                    .with(Effect.address(at, a.dev(), a.text())));
        }
    }

    private void linksUp(Namespace ns, List<Step> steps) {
        String at = where(ns);
        if (!ns.host() && ns.loopback()) {
            steps.add(new Step(Phase.LINKS_UP, new Operation.SetLink(at, "lo", new LinkChange.Up()), null, ns.source(),
                    "brings lo up in " + ns.name() + ": a new namespace has it down, and then even"
                            + " its own addresses cannot be reached").with(Effect.linkSetting(at, "lo")));
        }
        for (Interface i : ns.interfaces()) {
            if (i.created() && i.up()) {
                steps.add(new Step(Phase.LINKS_UP, new Operation.SetLink(at, i.name(), new LinkChange.Up()),
                        new Operation.SetLink(at, i.name(), new LinkChange.Down()), i.source(),
                        "brings " + i.name() + " up: a down interface neither sends nor receives").with(Effect.linkSetting(at, i.name())));
            }
        }
    }

    private void routes(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Route r : ns.routes()) {
            Operation.AddRoute add = new Operation.AddRoute(at, r.destination(), r.via(), r.dev());
            String what = r.isDefault() ? "packets for any destination without a better route"
                    : "packets for " + r.destination();
            String how = r.via() != null ? "to the gateway " + r.via() + (r.dev() != null ? " through " + r.dev() : "")
                    : "straight out of " + r.dev() + ", as if the destination were on that link";
            steps.add(new Step(Phase.ROUTES, add, add.undo(), r.source(),
                    "sends " + what + " " + how + RouteReasons.of(r)).with(Effect.route(at, r.dev(), r.destination())));
        }
    }

    private void sysctls(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (Sysctl s : ns.sysctls()) {
            steps.add(new Step(Phase.SYSCTLS, new Operation.SetSysctl(at, s.key(), s.value()),
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
            Operation.IptablesRule add = new Operation.IptablesRule(at, true, table, chain, spec);
            steps.add(new Step(Phase.FIREWALL, add, add.undo(), rule.source(), sentence).with(Effect.rule(at, table)));
        }
    }

    private void qdiscs(Namespace ns, List<Step> steps) {
        String at = where(ns);
        for (LinkCondition c : ns.conditions()) {
            List<String> qdisc = new ArrayList<>();
            String sentence;
            if (c.hasNetem()) {
                qdisc.add("netem");
                qdisc.addAll(netemArgs(c.netem()));
                if (c.rate() != null) qdisc.addAll(List.of("rate", c.rate()));
                sentence = "makes " + c.dev() + " behave like a worse link: " + describe(c);
            } else {
                qdisc.addAll(List.of("tbf", "rate", c.rate()));
                qdisc.addAll(TBF_DEFAULTS);
                sentence = "limits what " + c.dev() + " sends to " + c.rate() + " with a token bucket";
            }
            steps.add(new Step(Phase.QDISCS, new Operation.AddQdisc(at, c.dev(), qdisc),
                    new Operation.DeleteQdisc(at, c.dev()), c.source(), sentence)
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
        // in netem's own order: the model's map has none that stays from one run to the next
        for (String key : NETEM_KEYS) if (c.netem().containsKey(key)) parts.add(key + " " + c.netem().get(key));
        if (c.rate() != null) parts.add("rate " + c.rate());
        return String.join(", ", parts);
    }

    private void runs(Namespace ns, List<Step> steps) {
        for (RunCommand r : ns.runs()) {
            steps.add(new Step(Phase.RUN, new Operation.RunProcess(where(ns), r.command()), null, r.source(),
                    "starts '" + r.command() + "' in " + ns.name() + ", in the background", true,
                    Effect.process(where(ns))));
        }
    }
}
