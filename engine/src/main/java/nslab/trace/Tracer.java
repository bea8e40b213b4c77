package nslab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nslab.engine.Executor;
import nslab.model.Address;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.RunCommand;
import nslab.model.Source;
import nslab.model.Sysctl;
import nslab.plan.Plan;
import nslab.plan.Planner;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * Follows a packet from a namespace to an address and its answer back, hop by hop, asking at each
 * hop what route is chosen, whether the namespace forwards, what the firewall does with it and
 * whether the next hop answers ARP, and mapping the next hop to the namespace and interface at the
 * other end of the cable (through bridges) from the lab's model. Each decision is tied to the lab
 * line that caused it, as {@code explain} ties commands to lines; where the packet stops, the
 * verdict says why and what to write in the lab instead.
 * <p>
 * On a live lab the probe is sent first (which also fills the neighbour tables the walk then
 * reads) and counted per namespace; see {@link ProbeRun}.
 */
public final class Tracer {
    private static final int MAX_HOPS = 16;

    private final Lab lab;
    private final Plan plan;
    private final Readings readings;
    private final Executor exec;
    private final Topology topology;
    /** Rules met on the way whose matches the walk cannot read (this trace's; a tracer traces one at a time). */
    private final List<String> unread = new ArrayList<>();

    private Tracer(Lab lab, Readings readings, Executor exec) {
        this.lab = lab;
        this.plan = new Planner().plan(lab);
        this.readings = readings;
        this.exec = exec;
        this.topology = new Topology(lab);
    }

    /** A tracer that asks the kernel and sends a probe. */
    public static Tracer live(Lab lab, Executor exec) {
        return new Tracer(lab, new LiveReadings(exec), exec);
    }

    /** A tracer that reasons on the lab alone and sends nothing. */
    public static Tracer onModel(Lab lab) {
        return new Tracer(lab, new ModelReadings(lab, new Planner().plan(lab)), null);
    }

    /** The address a target stands for: an address as written, or the namespace's first (IPv6 with {@code v6}). */
    public static Optional<String> address(Lab lab, String target, boolean v6) {
        if (IpPrefix.isAddress(target)) return Optional.of(target);
        return lab.namespace(target).flatMap(n -> v6
                        ? n.addresses().stream().filter(Address::v6).findFirst()
                        : n.firstAddress())
                .map(a -> a.prefix().addressText());
    }

    /** Traces; {@code from} must be a namespace of the lab or host, {@code to} have an address (see {@link #address}). */
    public Trace trace(String from, String to, Probe requested) {
        String address = address(lab, to, requested.v6())
                .orElseThrow(() -> new IllegalArgumentException("'" + to + "' is no address and no namespace of the lab with one"));
        Probe probe = new Probe(requested.kind(), requested.port(), address.contains(":"), requested.dev());
        unread.clear();
        ProbeRun.Result counted = exec == null ? null
                : new ProbeRun(exec).send(countedNamespaces(from), from, address, probe);

        Leg there = walk(from, null, address, probe, false, Map.of(), null);
        Leg back = null;
        if (there.arrivedIn != null) {
            back = walk(there.arrivedIn, address, there.sourceAtArrival, probe, true, there.masqueraded, there.cameFrom);
        }
        boolean reached = back != null && back.arrivedIn != null;
        String verdict;
        String fix = null;
        if (!there.stopped() && there.refusal != null) {
            verdict = there.refusal;
            fix = there.fix;
            reached = false;
        } else if (there.stopped()) {
            verdict = there.verdict;
            fix = there.fix;
        } else if (back != null && back.stopped()) {
            verdict = back.verdict;
            fix = back.fix;
        } else {
            verdict = "reaches " + to + (to.equals(address) ? "" : " (" + address + ")") + " in " + there.arrivedIn
                    + " and the answer comes back" + (probe.kind() == Probe.Kind.UDP ? " (if the program there answers)" : "");
        }
        List<Hop> thereHops = seen(there.hops, counted, 0);
        // a UDP datagram needs no answer: nothing is counted on the way back
        List<Hop> backHops = back == null ? List.of()
                : seen(back.hops, probe.kind() == Probe.Kind.UDP ? null : counted, 2);
        Boolean confirmed = null;
        String disagreement = null;
        if (counted != null) {
            confirmed = probe.kind() == Probe.Kind.UDP
                    ? there.arrivedIn != null && counted.count(there.arrivedIn, 0) > 0 && there.refusal == null
                    : counted.answered();
            disagreement = disagreement(reached, confirmed, thereHops, backHops);
            if (disagreement != null && !unread.isEmpty()) {
                disagreement += " (the walk cannot read " + String.join("; ", unread) + ")";
            }
            // the probe is the kernel's truth: the verdict follows it, the disagreement says the rest
            if (reached && !confirmed) {
                verdict = "the " + probe.describe() + " got no answer, although the kernel's tables let it there and back";
                fix = "look where the probe was last counted";
            } else if (!reached && confirmed) {
                verdict = "the " + probe.describe() + " got its answer, although the walk stops: " + verdict;
                fix = null;
            }
        } else {
            verdict += " — by the lab's script alone: the lab is not live, nothing was sent or confirmed";
        }
        return new Trace(from, to, address, probe, counted != null, thereHops, backHops, reached, verdict, fix,
                confirmed, disagreement);
    }

    private List<String> countedNamespaces(String from) {
        List<String> names = new ArrayList<>(lab.created().stream().map(Namespace::name).toList());
        if (Namespace.HOST.equals(from) || lab.host().isPresent()) names.add(Namespace.HOST);
        return names;
    }

    /** Each hop with what the counters saw of it; {@code base} 0 for the way there, 2 for the way back. */
    private static List<Hop> seen(List<Hop> hops, ProbeRun.Result counted, int base) {
        if (counted == null) return hops;
        List<Hop> out = new ArrayList<>();
        for (Hop h : hops) {
            long in = counted.count(h.namespace(), base);
            long left = counted.count(h.namespace(), base + 1);
            Boolean seen = switch (h.kind()) {
                case BRIDGE -> null;
                case SEND -> left < 0 ? null : left > 0;
                case FORWARD -> in < 0 ? null : in > 0 && left > 0;
                case DELIVER, STOP -> h.in() == null ? (left < 0 || h.kind() == Hop.Kind.DELIVER ? null : left > 0)
                        : in < 0 ? null : in > 0;
            };
            out.add(h.withSeen(seen));
        }
        return out;
    }

    private static String disagreement(boolean reached, boolean confirmed, List<Hop> there, List<Hop> back) {
        if (reached == confirmed) {
            if (!reached) return null;
            for (Hop h : concat(there, back)) {
                if (Boolean.FALSE.equals(h.seen())) {
                    return "the tables let it through " + h.namespace() + ", but the probe was not counted there";
                }
            }
            return null;
        }
        if (reached) {
            for (Hop h : concat(there, back)) {
                if (Boolean.FALSE.equals(h.seen())) {
                    return "the kernel's tables let the packet through, but the probe was not counted through "
                            + h.namespace() + (h.in() != null ? " (in by " + h.in() + ")" : "");
                }
            }
            return "the kernel's tables let the packet there and back, but the probe got no answer";
        }
        return "the walk stops, but the probe got its answer: something the walk does not read let it through";
    }

    private static List<Hop> concat(List<Hop> a, List<Hop> b) {
        List<Hop> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** One direction's walk. */
    private static final class Leg {
        final List<Hop> hops = new ArrayList<>();
        String verdict;
        String fix;
        /** Where the packet arrived (null: it stopped), with the source it had there. */
        String arrivedIn;
        String sourceAtArrival;
        /** The interface of the hop before the last, by which the packet came: the way back. */
        Topology.End cameFrom;
        /** A refusal at the destination itself (nothing listens), which still sends an answer back. */
        String refusal;
        /** Per namespace, the masqueraded source and the one it stood for. */
        Map<String, String> masqueraded = new HashMap<>();

        boolean stopped() {
            return verdict != null;
        }

        void stop(Hop hop, String verdict, String fix) {
            hops.add(hop);
            this.verdict = verdict;
            this.fix = fix;
        }
    }

    private Leg walk(String start, String src, String dst, Probe probe, boolean back, Map<String, String> unNat,
                     Topology.End returnPath) {
        Leg leg = new Leg();
        boolean v6 = probe.v6();
        String ns = start;
        String iif = null;
        Topology.End previous = null;
        String what = back ? "the answer" : "the " + probe.describe();
        for (int n = 0; n < MAX_HOPS; n++) {
            Readings.RouteAnswer r = readings.route(ns, dst, iif == null ? null : src, iif,
                    iif == null && !back ? probe.dev() : null, v6);
            if (iif == null && src == null && r.ok()) src = r.src();
            if (!r.ok()) {
                refused(leg, ns, iif, src, dst, r.error(), back, v6, returnPath, previous);
                return leg;
            }
            if (r.local()) {
                String original = unNat.get(ns + " " + dst);
                if (back && original != null) {
                    leg.hops.add(hop(Hop.Kind.FORWARD, ns, iif, null, "conntrack undoes the masquerade: the destination "
                            + dst + " becomes " + original + " again", masqueradeSource(ns)));
                    dst = original;
                    continue;
                }
                arrive(leg, ns, iif, src, dst, probe, back);
                leg.cameFrom = previous;
                return leg;
            }
            FirewallLine.Packet packet = new FirewallLine.Packet(src, dst, iif, r.dev(), probe.protocol(),
                    back || probe.kind() == Probe.Kind.ICMP ? null : probe.port());
            String chain = iif == null ? "OUTPUT" : "FORWARD";
            Optional<FirewallLine> rule = firstMatch(ns, "filter", chain, packet, v6);
            if (rule.isPresent() && isDrop(rule.get())) {
                Source source = stepOf(ns, rule.get());
                leg.stop(hop(Hop.Kind.STOP, ns, iif, r.dev(), chain + " " + rule.get().target() + ": " + describe(rule.get(), source), source),
                        "dropped in " + ns + " by " + quoted(rule.get(), source), fixFor(rule.get(), source));
                return leg;
            }
            String decision = routeDecision(ns, r, dst, iif != null, v6);
            Source source = routeSource(ns, r, dst);
            if (source == null) decision += " (a route the lab did not write)";
            Optional<FirewallLine> nat = firstMatch(ns, "nat", "POSTROUTING", packet, v6)
                    .filter(l -> "MASQUERADE".equals(l.target()));
            if (nat.isPresent()) {
                String rewritten = addressOn(ns, r.dev(), v6);
                if (rewritten != null && !rewritten.equals(src)) {
                    decision += "; masquerade: the source " + src + " becomes " + rewritten + " ("
                            + lineRef(stepOf(ns, nat.get())) + ")";
                    leg.masqueraded.put(ns + " " + rewritten, src);
                    src = rewritten;
                }
            }
            String nextHop = r.gateway() != null ? r.gateway() : dst;
            Optional<Topology.Arrival> arrival = topology.next(ns, r.dev(), nextHop);
            Hop.Kind kind = iif == null ? Hop.Kind.SEND : Hop.Kind.FORWARD;
            String state = readings.neighbour(ns, r.dev(), nextHop, v6);
            if ("FAILED".equals(state) || "INCOMPLETE".equals(state)) {
                leg.hops.add(hop(kind, ns, iif, r.dev(), decision, source));
                noNeighbour(leg, ns, r.dev(), nextHop, src, arrival, v6);
                return leg;
            }
            leg.hops.add(hop(kind, ns, iif, r.dev(), decision, source));
            if (arrival.isEmpty()) {
                leg.verdict = what + " leaves the lab from " + ns + " by " + r.dev() + " toward " + nextHop
                        + ", which no interface of the lab has";
                leg.fix = "give that address to an interface at the other end of " + r.dev() + ", or route "
                        + dst + " to a gateway that has it";
                return leg;
            }
            for (Topology.Crossing c : arrival.get().bridges()) {
                Interface bridge = topology.iface(new Topology.End(c.namespace(), c.bridge())).orElse(null);
                leg.hops.add(hop(Hop.Kind.BRIDGE, c.namespace(), c.in(), c.out(), "bridge " + c.bridge() + " switches the frame"
                        + (c.out() != null ? " from port " + c.in() + " to port " + c.out() : " to itself"),
                        bridge == null ? null : bridge.source()));
            }
            previous = new Topology.End(ns, r.dev());
            ns = arrival.get().at().namespace();
            iif = arrival.get().at().dev();
        }
        leg.verdict = what + " goes round in circles: more than " + MAX_HOPS + " hops";
        leg.fix = "look for two namespaces whose routes point at each other";
        return leg;
    }

    /** The packet arrived in a namespace that has the address: the INPUT chain, then a listener for TCP and UDP. */
    private void arrive(Leg leg, String ns, String iif, String src, String dst, Probe probe, boolean back) {
        boolean v6 = probe.v6();
        if (iif != null) {
            FirewallLine.Packet packet = new FirewallLine.Packet(src, dst, iif, null, probe.protocol(),
                    back || probe.kind() == Probe.Kind.ICMP ? null : probe.port());
            Optional<FirewallLine> rule = firstMatch(ns, "filter", "INPUT", packet, v6);
            if (rule.isPresent() && isDrop(rule.get())) {
                Source source = stepOf(ns, rule.get());
                leg.stop(hop(Hop.Kind.STOP, ns, iif, null, "INPUT " + rule.get().target() + ": " + describe(rule.get(), source), source),
                        "dropped in " + ns + " by " + quoted(rule.get(), source), fixFor(rule.get(), source));
                return;
            }
        }
        Source source = addressSource(ns, dst);
        String decision = iif == null ? dst + " is " + ns + "'s own address: delivered inside " + ns
                : "delivered: " + dst + " is " + ns + "'s own address";
        if (!back && probe.kind() != Probe.Kind.ICMP) {
            Boolean listening = readings.listening(ns, probe);
            Optional<RunCommand> run = runFor(ns, probe.port());
            if (run.isPresent()) source = run.get().source();
            if (Boolean.TRUE.equals(listening)) {
                decision += "; a program listens on " + probe.describe();
            } else if (Boolean.FALSE.equals(listening)) {
                decision += "; nothing listens on " + probe.describe();
                leg.refusal = "refused in " + ns + ": nothing listens on " + probe.describe()
                        + (probe.kind() == Probe.Kind.TCP ? " (the answer is a reset)" : "");
                leg.fix = run.isPresent()
                        ? "the program of " + lineRef(run.get().source()) + " (" + run.get().command() + ") is not listening: is it running?"
                        : probe.kind() == Probe.Kind.TCP
                        ? "start a server there, e.g. add `run 'python3 -m http.server " + probe.port() + "'` to namespace '" + ns + "'"
                        : "add a `run` of a program that reads UDP port " + probe.port() + " to namespace '" + ns + "'";
            }
        }
        leg.hops.add(hop(Hop.Kind.DELIVER, ns, iif, null, decision, source));
        leg.arrivedIn = ns;
        leg.sourceAtArrival = src;
    }

    /** The kernel refused to route: no route, forwarding off, reverse-path filter or a source of its own. */
    private void refused(Leg leg, String ns, String iif, String src, String dst, String error, boolean back, boolean v6,
                         Topology.End returnPath, Topology.End previous) {
        Namespace model = lab.namespace(ns).orElse(null);
        String forwardKey = v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward";
        if (iif != null && !"1".equals(readings.sysctl(ns, forwardKey))) {
            Sysctl set = sysctl(ns, forwardKey);
            Source source = set != null ? set.source() : model != null ? model.source() : null;
            leg.stop(hop(Hop.Kind.STOP, ns, iif, null, "forwarding is off (" + forwardKey + "="
                            + readings.sysctl(ns, forwardKey) + "): a packet for another address is dropped", source),
                    "dropped in " + ns + ": forwarding is off",
                    set != null && "1".equals(set.value())
                            ? "the lab's `forward true` (" + lineRef(set.source()) + ") is not in force: apply the lab again"
                            : "add `forward true` to namespace '" + ns + "'");
            return;
        }
        if (iif != null && src != null && error.contains("Invalid argument")) {
            if (isLocal(model, src)) {
                String key = "net.ipv4.conf." + iif + ".accept_local";
                leg.stop(hop(Hop.Kind.STOP, ns, iif, null, "the source " + src + " is " + ns + "'s own address and "
                                + key + "=" + readings.sysctl(ns, key) + ": dropped as a martian",
                                interfaceSource(ns, iif)),
                        "dropped in " + ns + " on " + iif + ": it comes from the namespace's own address " + src,
                        "add `sysctl '" + key + "', 1` to namespace '" + ns + "'");
                return;
            }
            String rp = "net.ipv4.conf." + iif + ".rp_filter";
            leg.stop(hop(Hop.Kind.STOP, ns, iif, null, "reverse-path filter (rp_filter all="
                            + readings.sysctl(ns, "net.ipv4.conf.all.rp_filter") + ", " + iif + "=" + readings.sysctl(ns, rp)
                            + "): the way back to " + src + " is not by " + iif, interfaceSource(ns, iif)),
                    "dropped in " + ns + " by the reverse-path filter: the route back to " + src + " does not leave by " + iif,
                    "add a route to " + src + " by " + iif + ", or `sysctl 'net.ipv4.conf.all.rp_filter', 0` and `sysctl '"
                            + rp + "', 0` to namespace '" + ns + "'");
            return;
        }
        String gateway = suggestGateway(ns, returnPath, previous, v6);
        boolean hasDefault = model != null && model.routes().stream().anyMatch(r -> r.isDefault() && r.v6() == v6);
        String add = gateway == null ? "a `route` to " + dst + " (or a `gateway`)"
                : hasDefault ? "`route '" + dst + "' via '" + gateway + "'`"
                : "`gateway '" + gateway + "'`";
        leg.stop(hop(Hop.Kind.STOP, ns, iif, null, "no route to " + dst + " (the kernel: " + error + ")",
                        model == null ? null : model.source()),
                "no route " + (back ? "back " : "") + "from " + ns + " to " + dst,
                "add " + add + " to namespace '" + ns + "'");
    }

    /** The address of the interface the packet came in by, seen from here: the natural way back. */
    private String suggestGateway(String ns, Topology.End returnPath, Topology.End previous, boolean v6) {
        if (returnPath != null) {
            String a = addressOn(returnPath.namespace(), returnPath.dev(), v6);
            if (a != null) return a;
        }
        if (previous != null) {
            String a = addressOn(previous.namespace(), previous.dev(), v6);
            if (a != null) return a;
        }
        for (Interface i : lab.namespace(ns).map(Namespace::interfaces).orElse(List.of())) {
            List<String> routers = topology.routersBeyond(ns, i.name(), v6);
            if (!routers.isEmpty()) return routers.get(0);
        }
        return null;
    }

    private void noNeighbour(Leg leg, String ns, String dev, String nextHop, String src,
                             Optional<Topology.Arrival> arrival, boolean v6) {
        String word = v6 ? "neighbour (NDP)" : "ARP";
        if (arrival.isEmpty()) {
            leg.stop(hop(Hop.Kind.STOP, ns, null, dev, "no " + word + " answer for " + nextHop, null),
                    "no " + word + " answer for " + nextHop + " on " + dev + " in " + ns,
                    "no interface of the lab has " + nextHop + ": give it to one at the other end of " + dev);
            return;
        }
        Topology.End owner = arrival.get().at();
        String on = owner.namespace();
        String ignore = readings.sysctl(on, "net.ipv4.conf." + owner.dev() + ".arp_ignore");
        String ignoreAll = readings.sysctl(on, "net.ipv4.conf.all.arp_ignore");
        String acceptKey = "net.ipv4.conf." + owner.dev() + ".accept_local";
        String accept = readings.sysctl(on, acceptKey);
        String settings = v6 ? "" : " (arp_ignore=" + max(ignore, ignoreAll) + ", accept_local=" + accept + ")";
        Source source = interfaceSource(on, owner.dev());
        String decision = "no " + word + " answer from " + owner.dev() + " in " + on + settings;
        if (!v6 && isLocal(lab.namespace(on).orElse(null), src) && !"1".equals(accept)) {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, decision + ": the request comes from " + src
                            + ", an address of " + on + " itself", source),
                    "no ARP answer for " + nextHop + " on " + dev + settings + ": " + owner.dev() + " in " + on
                            + " ignores requests from its own namespace's address " + src,
                    "add `sysctl '" + acceptKey + "', 1` to namespace '" + on + "'");
        } else if (!v6 && max(ignore, ignoreAll) > 0) {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, decision, source),
                    "no ARP answer for " + nextHop + " on " + dev + settings,
                    "add `sysctl 'net.ipv4.conf.all.arp_ignore', 0` and `sysctl 'net.ipv4.conf." + owner.dev()
                            + ".arp_ignore', 0` to namespace '" + on + "'");
        } else {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, decision, source),
                    "no " + word + " answer for " + nextHop + " on " + dev + settings,
                    "check that " + owner.dev() + " in " + on + " is up and the cable's other end too");
        }
    }

    private static int max(String a, String b) {
        return Math.max(parse(a), parse(b));
    }

    private static int parse(String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Optional<FirewallLine> firstMatch(String ns, String table, String chain, FirewallLine.Packet packet, boolean v6) {
        FirewallLine policy = null;
        for (FirewallLine l : readings.rules(ns, v6)) {
            if (!l.table().equals(table) || !chain.equals(l.chain())) continue;
            if (l.policy()) policy = l;
            else if (!l.understood()) {
                String rule = "`" + l.text() + "` in " + ns;
                if (!unread.contains(rule)) unread.add(rule);
            }
            else if (l.matches(packet) && l.target() != null) return Optional.of(l);
        }
        return Optional.ofNullable(policy);
    }

    private static boolean isDrop(FirewallLine l) {
        return "DROP".equals(l.target()) || "REJECT".equals(l.target());
    }

    /** The lab line whose plan step added this rule, if the lab added it. */
    private Source stepOf(String ns, FirewallLine live) {
        for (Step s : plan.steps()) {
            if (s.command().tool() != Tool.IPTABLES) continue;
            String at = s.namespace() == null ? Namespace.HOST : s.namespace();
            if (at.equals(ns) && FirewallLine.parse("filter", s.command().args()).sameAs(live)) return s.source();
        }
        return null;
    }

    private String describe(FirewallLine rule, Source source) {
        if (rule.policy()) return "the chain's policy is " + rule.target();
        return source != null ? "rule " + rule.text() + " of " + lineRef(source) : "rule " + rule.text() + ", which the lab did not write";
    }

    private String quoted(FirewallLine rule, Source source) {
        if (rule.policy()) return "the " + rule.chain() + " chain's policy " + rule.target();
        if (source != null) return "`" + lab.line(source).strip() + "` (" + lineRef(source) + ")";
        return "the rule `" + rule.text() + "`, which the lab did not write";
    }

    private String fixFor(FirewallLine rule, Source source) {
        if (source != null) return "remove or narrow `" + lab.line(source).strip() + "` (" + lineRef(source) + ")";
        return rule.policy() ? "add an `accept` rule for this traffic" : "remove that rule (it is not the lab's)";
    }

    private String lineRef(Source s) {
        return s == null ? "?" : s.toString();
    }

    private String routeDecision(String ns, Readings.RouteAnswer r, String dst, boolean forwarding, boolean v6) {
        String verb = forwarding ? "forwards" : "sends";
        String how = r.gateway() != null ? verb + " to " + dst + " via " + r.gateway() + " out of " + r.dev()
                : verb + " to " + dst + " straight out of " + r.dev() + " (on its link)";
        if (forwarding) {
            Sysctl f = sysctl(ns, v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward");
            how += "; forwarding on" + (f != null ? " (" + lineRef(f.source()) + ")" : "");
        }
        return how;
    }

    /** The route line that made the kernel's choice, or the address line whose subnet it is on. */
    private Source routeSource(String ns, Readings.RouteAnswer r, String dst) {
        Namespace model = lab.namespace(ns).orElse(null);
        if (model == null) return null;
        if (r.gateway() != null) {
            Optional<IpPrefix> target = IpPrefix.parse(dst);
            Route best = null;
            int bestLength = -1;
            for (Route route : model.routes()) {
                if (!r.gateway().equals(route.via())) continue;
                int length = route.isDefault() ? 0 : IpPrefix.parse(route.destination()).map(IpPrefix::length).orElse(-1);
                boolean covers = route.isDefault() || (target.isPresent()
                        && IpPrefix.parse(route.destination()).map(p -> p.contains(target.get())).orElse(false));
                if (covers && length > bestLength) {
                    best = route;
                    bestLength = length;
                }
            }
            return best != null ? best.source() : null;
        }
        for (Route route : model.routes()) {
            if (route.via() == null && r.dev().equals(route.dev())
                    && IpPrefix.parse(route.destination()).flatMap(p -> IpPrefix.parse(dst).map(p::contains)).orElse(false)) {
                return route.source();
            }
        }
        Optional<IpPrefix> target = IpPrefix.parse(dst);
        for (Address a : model.addressesOf(r.dev())) {
            if (a.valid() && target.isPresent() && a.prefix().contains(target.get())) return a.source();
        }
        return null;
    }

    private Source addressSource(String ns, String address) {
        return lab.namespace(ns).flatMap(n -> n.addresses().stream()
                        .filter(a -> a.valid() && a.prefix().addressText().equals(address)).findFirst())
                .map(Address::source).orElse(null);
    }

    private Source interfaceSource(String ns, String dev) {
        return lab.namespace(ns).flatMap(n -> n.iface(dev)).map(Interface::source).orElse(null);
    }

    private Source masqueradeSource(String ns) {
        return lab.namespace(ns).flatMap(n -> n.rules().stream()
                .filter(r -> r instanceof nslab.model.FirewallRule.Masquerade).findFirst()).map(r -> r.source()).orElse(null);
    }

    private Optional<RunCommand> runFor(String ns, int port) {
        return lab.namespace(ns).flatMap(n -> n.runs().stream()
                .filter(r -> r.command().matches(".*\\b" + port + "\\b.*")).findFirst());
    }

    private Sysctl sysctl(String ns, String key) {
        Sysctl found = null;
        for (Sysctl s : lab.namespace(ns).map(Namespace::sysctls).orElse(List.of())) if (s.key().equals(key)) found = s;
        return found;
    }

    private String addressOn(String ns, String dev, boolean v6) {
        return lab.namespace(ns).flatMap(n -> n.addressesOf(dev).stream().filter(a -> a.valid() && a.v6() == v6).findFirst())
                .map(a -> a.prefix().addressText()).orElse(null);
    }

    private static boolean isLocal(Namespace ns, String address) {
        return ns != null && address != null
                && ns.addresses().stream().anyMatch(a -> a.valid() && a.prefix().addressText().equals(address));
    }

    private Hop hop(Hop.Kind kind, String ns, String in, String out, String decision, Source source) {
        return new Hop(kind, ns, in, out, decision, source, source == null ? null : lab.line(source).strip(), null);
    }
}
