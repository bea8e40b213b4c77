package nslab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import nslab.exec.Executor;
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
    private final Fixes fixes;
    private final TraceWords words;
    /** Rules met on the way whose matches the walk cannot read (this trace's; a tracer traces one at a time). */
    private final List<String> unread = new ArrayList<>();

    private Tracer(Lab lab, Readings readings, Executor exec, TraceWords words) {
        this.lab = lab;
        this.plan = new Planner().plan(lab);
        this.readings = readings;
        this.exec = exec;
        this.words = words;
        this.topology = new Topology(lab);
        this.fixes = new Fixes(lab, readings, topology, words);
    }

    /** A tracer that asks the kernel and sends a probe; its trace is worded by {@code words}. */
    public static Tracer live(Lab lab, Executor exec, TraceWords words) {
        return new Tracer(lab, new LiveReadings(exec), exec, words);
    }

    /** A tracer that reasons on the lab alone and sends nothing; its trace is worded by {@code words}. */
    public static Tracer onModel(Lab lab, TraceWords words) {
        return new Tracer(lab, new ModelReadings(lab, new Planner().plan(lab)), null, words);
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
        return trace(from, to, requested, 0, false);
    }

    /**
     * Traces with the probe of {@code slot} (see {@link ProbeRun}): traces in different slots can run at
     * the same time, each on a tracer of its own. {@code unansweredBefore}: a ping on this path has just gone
     * unanswered for a second ({@code check}'s own), so the probe's first send waits less (see {@link ProbeRun#send}).
     */
    public Trace trace(String from, String to, Probe requested, int slot, boolean unansweredBefore) {
        String address = address(lab, to, requested.v6())
                .orElseThrow(() -> new IllegalArgumentException(words.noAddress(to)));
        Probe probe = new Probe(requested.kind(), requested.port(), address.contains(":"), requested.dev());
        unread.clear();
        Leg there;
        Leg back = null;
        ProbeRun.Result counted = null;
        try (ProbeRun run = exec == null ? null : new ProbeRun(exec, countedNamespaces(from), probe, ports(probe), slot)) {
            // sent before the walk, which then reads the neighbour entries it filled; where a ping has just filled them,
            // sent while the walk goes on
            FutureTask<Boolean> sent = new FutureTask<>(() -> run != null && run.send(from, address, !unansweredBefore));
            if (unansweredBefore) {
                Thread sender = new Thread(sent, "nslab-probe");
                sender.setDaemon(true);
                sender.start();
            } else {
                sent.run();
            }
            there = walk(from, null, address, probe, false, Map.of(), null, null);
            if (there.arrivedIn != null) {
                back = walk(there.arrivedIn, there.destinationAtArrival, there.sourceAtArrival, probe, true, there.masqueraded,
                        there.cameFrom, there);
            }
            boolean answered = answer(sent);
            // one more try only where the walk expects an answer: a fresh lab's first packet may wait on ARP
            if (run != null && !answered && back != null && back.arrivedIn != null) run.send(from, address, true);
            if (run != null) counted = run.result();
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
            verdict = words.reached(to, address, there.arrivedIn, probe.kind() == Probe.Kind.UDP);
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
            if (disagreement != null && !unread.isEmpty()) disagreement = words.unread(disagreement, unread);
            // the probe is the kernel's truth: the verdict follows it, the disagreement says the rest
            if (reached && !confirmed) {
                verdict = words.noAnswerDespiteTables(probe);
                fix = words.lookWhereCounted();
            } else if (!reached && confirmed) {
                verdict = words.answeredDespiteWalk(probe, verdict);
                fix = null;
            }
        } else {
            verdict = words.byScriptAlone(verdict);
        }
        return new Trace(from, to, address, probe, counted != null, thereHops, backHops, reached, verdict, fix,
                confirmed, disagreement);
    }

    private static boolean answer(FutureTask<Boolean> sent) {
        try {
            return sent.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The ports a TCP or UDP probe has on its way: its own, and where a `forwardPort` of the lab sends it. */
    private List<Integer> ports(Probe probe) {
        List<Integer> ports = new ArrayList<>(List.of(probe.port()));
        String proto = probe.kind() == Probe.Kind.UDP ? "udp" : "tcp";
        for (Namespace n : lab.namespaces()) {
            for (var rule : n.rules()) {
                if (rule instanceof nslab.model.FirewallRule.ForwardPort f && f.port() == probe.port()
                        && proto.equals(f.proto()) && !ports.contains(f.toPort())) {
                    ports.add(f.toPort());
                }
            }
        }
        return ports;
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

    private String disagreement(boolean reached, boolean confirmed, List<Hop> there, List<Hop> back) {
        if (reached == confirmed) {
            if (!reached) return null;
            for (Hop h : concat(there, back)) {
                if (Boolean.FALSE.equals(h.seen())) {
                    return words.notCountedThere(h.namespace());
                }
            }
            return null;
        }
        if (reached) {
            for (Hop h : concat(there, back)) {
                if (Boolean.FALSE.equals(h.seen())) {
                    return words.notCountedThrough(h.namespace(), h.in());
                }
            }
            return words.tablesLetButNoAnswer();
        }
        return words.walkStopsButAnswered();
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
        /** Where the packet arrived (null: it stopped), with the source and destination it had there. */
        String arrivedIn;
        String sourceAtArrival;
        String destinationAtArrival;
        /** The interface of the hop before the last, by which the packet came: the way back. */
        Topology.End cameFrom;
        /** A refusal at the destination itself (nothing listens), which still sends an answer back. */
        String refusal;
        /** Per namespace, the masqueraded source and the one it stood for. */
        Map<String, String> masqueraded = new HashMap<>();
        /** Per namespace, the destination a DNAT rewrote: conntrack gives the answer that source again. */
        Map<String, String> unDnat = new HashMap<>();

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
                     Topology.End returnPath, Leg there) {
        Leg leg = new Leg();
        boolean v6 = probe.v6();
        String ns = start;
        String iif = null;
        int port = probe.port();
        Topology.End previous = null;
        String what = words.packet(back, probe);
        for (int n = 0; n < MAX_HOPS; n++) {
            if (iif != null && !back && probe.kind() != Probe.Kind.ICMP) {
                FirewallLine.Packet arriving = new FirewallLine.Packet(src, dst, iif, null, probe.protocol(), port);
                Optional<FirewallLine> dnat = firstMatch(ns, "nat", "PREROUTING", arriving, v6)
                        .filter(l -> "DNAT".equals(l.target()) && l.toDestination() != null);
                if (dnat.isPresent()) {
                    String to = dnat.get().toDestination();
                    int colon = to.lastIndexOf(':');
                    String address = colon > 0 && !v6 ? to.substring(0, colon) : to;
                    int newPort = colon > 0 && !v6 ? Integer.parseInt(to.substring(colon + 1)) : port;
                    leg.hops.add(hop(Hop.Kind.FORWARD, ns, iif, null, words.dnat(dst, port, address, newPort, stepOf(ns, dnat.get())),
                            stepOf(ns, dnat.get())));
                    leg.unDnat.put(ns, dst);
                    dst = address;
                    port = newPort;
                }
            }
            Readings.RouteAnswer r = readings.route(ns, dst, iif == null ? null : src, iif,
                    iif == null && !back ? probe.dev() : null, v6);
            if (iif == null && src == null && r.ok()) src = r.src();
            if (!r.ok()) {
                // the way the packet came is the way back only where the answer starts
                refused(leg, ns, iif, src, dst, r.error(), back, v6, ns.equals(start) ? returnPath : null, previous, there);
                return leg;
            }
            if (r.local()) {
                String original = unNat.get(ns + " " + dst);
                if (back && original != null) {
                    leg.hops.add(hop(Hop.Kind.FORWARD, ns, iif, null, words.unMasquerade(dst, original), masqueradeSource(ns)));
                    dst = original;
                    continue;
                }
                arrive(leg, ns, iif, src, dst, probe, port, back);
                leg.cameFrom = previous;
                return leg;
            }
            FirewallLine.Packet packet = new FirewallLine.Packet(src, dst, iif, r.dev(), probe.protocol(),
                    back || probe.kind() == Probe.Kind.ICMP ? null : port);
            String chain = iif == null ? "OUTPUT" : "FORWARD";
            Optional<FirewallLine> rule = firstMatch(ns, "filter", chain, packet, v6);
            if (rule.isPresent() && isDrop(rule.get())) {
                Source source = stepOf(ns, rule.get());
                dropped(leg, ns, iif, r.dev(), chain, rule.get(), source);
                return leg;
            }
            String decision = routeDecision(ns, r, dst, iif != null, v6);
            Source source = routeSource(ns, r, dst);
            if (source == null) decision = words.notLabRoute(decision);
            if (back && there != null && there.unDnat.containsKey(ns)) {
                decision = words.unDnat(decision, src, there.unDnat.get(ns));
                src = there.unDnat.get(ns);
            }
            Optional<FirewallLine> nat = firstMatch(ns, "nat", "POSTROUTING", packet, v6)
                    .filter(l -> "MASQUERADE".equals(l.target()));
            if (nat.isPresent()) {
                String rewritten = addressOn(ns, r.dev(), v6);
                if (rewritten != null && !rewritten.equals(src)) {
                    decision = words.masquerade(decision, src, rewritten, stepOf(ns, nat.get()));
                    leg.masqueraded.put(ns + " " + rewritten, src);
                    src = rewritten;
                }
            }
            String nextHop = r.gateway() != null ? r.gateway() : dst;
            Optional<Topology.Arrival> arrival = topology.next(ns, r.dev(), nextHop);
            Hop.Kind kind = iif == null ? Hop.Kind.SEND : Hop.Kind.FORWARD;
            leg.hops.add(hop(kind, ns, iif, r.dev(), decision, source));
            if (arrival.isPresent()) {
                Topology.End sender = new Topology.End(ns, r.dev());
                for (Topology.End end : List.of(sender, arrival.get().at())) {
                    if (Boolean.FALSE.equals(readings.linkUp(end.namespace(), end.dev()))) {
                        linkDown(leg, end, nextHop, sender);
                        return leg;
                    }
                }
            }
            String state = readings.neighbour(ns, r.dev(), nextHop, v6);
            boolean noAnswer = "FAILED".equals(state) || "INCOMPLETE".equals(state);
            String arpSource = arpSource(ns, r.dev(), src, v6);
            if (arrival.isPresent() && !v6 && !readings.live()) {
                // the script alone has no neighbour table: the owner's own rules say whether it answers
                Topology.End owner = arrival.get().at();
                noAnswer = KernelRules.arpRefusal(readings, owner.namespace(), owner.dev(), nextHop, arpSource) != null;
            }
            if (noAnswer || (arrival.isEmpty() && !answers(state) && labDevice(ns, r.dev()))) {
                noNeighbour(leg, ns, r.dev(), nextHop, dst, arpSource, arrival, v6);
                return leg;
            }
            if (arrival.isEmpty()) {
                leg.verdict = words.leavesLab(what, ns, r.dev(), nextHop);
                leg.fix = words.giveAddress(r.dev(), dst);
                return leg;
            }
            for (Topology.Crossing c : arrival.get().bridges()) {
                Interface bridge = topology.iface(new Topology.End(c.namespace(), c.bridge())).orElse(null);
                leg.hops.add(hop(Hop.Kind.BRIDGE, c.namespace(), c.in(), c.out(), words.bridge(c.bridge(), c.in(), c.out()),
                        bridge == null ? null : bridge.source()));
            }
            previous = new Topology.End(ns, r.dev());
            ns = arrival.get().at().namespace();
            iif = arrival.get().at().dev();
        }
        leg.verdict = words.circles(what, MAX_HOPS);
        leg.fix = words.circlesFix();
        return leg;
    }

    /** A neighbour entry that says the next hop answered. */
    private static boolean answers(String state) {
        return state != null && !"FAILED".equals(state) && !"INCOMPLETE".equals(state) && !"NONE".equals(state);
    }

    /** Whether the lab made this device (a cable of the lab, not one of the machine's own interfaces). */
    private boolean labDevice(String ns, String dev) {
        return topology.iface(new Topology.End(ns, dev)).map(Interface::created).orElse(false);
    }

    /** The source address of an ARP request: the packet's own source when it is local, else the address on the way out. */
    private String arpSource(String ns, String dev, String src, boolean v6) {
        if (src != null && KernelRules.isLocal(readings.locals(ns), src)) return src;
        String a = addressOn(ns, dev, v6);
        return a != null ? a : src;
    }

    /** The packet arrived in a namespace that has the address: the INPUT chain, then a listener for TCP and UDP. */
    private void arrive(Leg leg, String ns, String iif, String src, String dst, Probe probe, int port, boolean back) {
        boolean v6 = probe.v6();
        if (iif != null) {
            FirewallLine.Packet packet = new FirewallLine.Packet(src, dst, iif, null, probe.protocol(),
                    back || probe.kind() == Probe.Kind.ICMP ? null : port);
            Optional<FirewallLine> rule = firstMatch(ns, "filter", "INPUT", packet, v6);
            if (rule.isPresent() && isDrop(rule.get())) {
                Source source = stepOf(ns, rule.get());
                dropped(leg, ns, iif, null, "INPUT", rule.get(), source);
                return;
            }
        }
        Source source = addressSource(ns, dst);
        String decision = words.delivered(dst, ns, iif == null, iif != null && !onInterface(ns, iif, dst));
        if (!back && probe.kind() != Probe.Kind.ICMP) {
            Probe at = new Probe(probe.kind(), port, v6, null);
            Boolean listening = readings.listening(ns, at);
            Optional<RunCommand> run = runFor(ns, port);
            if (run.isPresent()) source = run.get().source();
            if (listening != null) decision = words.listens(decision, at, listening);
            if (Boolean.FALSE.equals(listening)) {
                leg.refusal = words.refusedNoListener(ns, at, probe.kind() == Probe.Kind.TCP);
                leg.fix = words.notListeningFix(run.map(RunCommand::source).orElse(null), run.map(RunCommand::command).orElse(null),
                        probe.kind() == Probe.Kind.TCP, port, ns);
            }
        }
        leg.hops.add(hop(Hop.Kind.DELIVER, ns, iif, null, decision, source));
        leg.arrivedIn = ns;
        leg.sourceAtArrival = src;
        leg.destinationAtArrival = dst;
    }

    private boolean onInterface(String ns, String dev, String address) {
        return readings.locals(ns).stream().anyMatch(l -> dev.equals(l.dev()) && l.prefix().addressText().equals(address));
    }

    /**
     * The kernel refused to route; the same rules on the same tables say why, in the kernel's order: a packet for an
     * address of the namespace is delivered on any interface, and only its source check can refuse it; a route that
     * is a blackhole, prohibit or unreachable; forwarding off; no route; the source check of a forwarded packet.
     */
    private void refused(Leg leg, String ns, String iif, String src, String dst, String error, boolean back, boolean v6,
                         Topology.End returnPath, Topology.End previous, Leg there) {
        Namespace model = lab.namespace(ns).orElse(null);
        if (iif != null && KernelRules.isLocal(readings.locals(ns), dst)) {
            sourceRefused(leg, ns, iif, src, dst, error, v6, previous, true);
            return;
        }
        Optional<Readings.RouteEntry> route = KernelRules.longestMatch(readings.routes(ns, v6), dst, null);
        if (route.isPresent() && !route.get().unicast()) {
            String type = route.get().type();
            String prefix = route.get().prefix().withLength();
            Optional<Route> lab = model == null ? Optional.empty() : model.routes().stream()
                    .filter(r -> IpPrefix.parse(r.destination()).map(p -> p.networkText().equals(route.get().prefix().networkText())).orElse(false))
                    .findFirst();
            leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.specialRoute(type, prefix, dst, error), lab.map(Route::source).orElse(null)),
                    words.droppedBySpecialRoute(ns, type, prefix), words.deleteSpecialRoute(type, prefix, ns));
            return;
        }
        String forwardKey = v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward";
        if (iif != null && !KernelRules.forwards(readings, ns, v6)) {
            Sysctl set = sysctl(ns, forwardKey);
            Source source = set != null ? set.source() : model != null ? model.source() : null;
            leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.forwardingOff(forwardKey, readings.sysctl(ns, forwardKey)), source),
                    words.droppedForwardingOff(ns), words.forwardFix(set != null && "1".equals(set.value()) ? set.source() : null, ns));
            return;
        }
        if (route.isEmpty()) {
            noRoute(leg, ns, iif, dst, error, back, v6, returnPath, previous, there);
            return;
        }
        sourceRefused(leg, ns, iif, src, dst, error, v6, previous, false);
    }

    /** The source check refused a packet that arrived by {@code iif}: its own address, or the reverse-path filter. */
    private void sourceRefused(Leg leg, String ns, String iif, String src, String dst, String error, boolean v6,
                               Topology.End previous, boolean local) {
        String delivered = words.deliveredBut(local, dst, ns);
        KernelRules.SourceCheck check = KernelRules.validateSource(readings, ns, src, iif, v6);
        int rp = KernelRules.larger(readings, ns, "rp_filter", iif);
        String rpValues = words.rpValues(rp, readings.sysctl(ns, "net.ipv4.conf.all.rp_filter"), iif,
                readings.sysctl(ns, "net.ipv4.conf." + iif + ".rp_filter"));
        switch (check) {
            case OWN_ADDRESS -> {
                String key = "net.ipv4.conf." + iif + ".accept_local";
                leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.ownSource(delivered, src, ns, key, readings.sysctl(ns, key)),
                                interfaceSource(ns, iif)),
                        words.droppedOwnSource(ns, iif, src), words.sysctlFix(key, "1", ns));
            }
            case NO_ROUTE_BACK -> leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.noRouteBack(delivered, rpValues, src),
                            interfaceSource(ns, iif)),
                    words.droppedNoRouteBack(ns, src),
                    words.routeOrRp(fixes.symmetricRoute(ns, iif, src, previous).orElse(null), ns, fixes.rpFix(ns, iif, 0)));
            case OTHER_INTERFACE -> {
                String out = KernelRules.longestMatch(readings.routes(ns, false), src, null).map(Readings.RouteEntry::dev).orElse("?");
                leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.strictRp(delivered, rpValues, iif, src, out), rpSource(ns, iif)),
                        words.droppedStrictRp(ns, src, iif, out),
                        words.strictRpFix(fixes.rpFix(ns, iif, 2), fixes.symmetricRoute(ns, iif, src, previous).orElse(null), ns));
            }
            default -> leg.stop(hop(Hop.Kind.STOP, ns, iif, null,
                            words.sourceRefused(delivered, error, rpValues, KernelRules.either(readings, ns, "accept_local", iif)),
                            interfaceSource(ns, iif)),
                    words.droppedSourceRefused(ns, iif, error), words.lookAtSysctls(iif, ns));
        }
    }

    private Source rpSource(String ns, String iif) {
        Sysctl set = sysctl(ns, "net.ipv4.conf.all.rp_filter");
        if (set == null) set = sysctl(ns, "net.ipv4.conf." + iif + ".rp_filter");
        return set != null ? set.source() : interfaceSource(ns, iif);
    }

    /** No route: a route the lab has that the kernel lost, an interface down, a masquerade missing, or a route to add. */
    private void noRoute(Leg leg, String ns, String iif, String dst, String error, boolean back, boolean v6,
                         Topology.End returnPath, Topology.End previous, Leg there) {
        Namespace model = lab.namespace(ns).orElse(null);
        Hop stop = hop(Hop.Kind.STOP, ns, iif, null, words.noRouteDecision(dst, error), model == null ? null : model.source());
        String verdict = words.noRoute(back, ns, dst);
        Optional<Topology.End> down = downInterfaceToward(ns, dst, v6);
        if (down.isPresent()) {
            leg.stop(hop(Hop.Kind.STOP, ns, iif, null, words.downToward(dst, down.get().dev()), interfaceSource(ns, down.get().dev())),
                    words.downVerdict(verdict, down.get().dev()), fixes.downFix(down.get()));
            return;
        }
        Optional<Route> declared = model == null ? Optional.empty() : KernelRules.longestMatch(
                new ModelReadings(lab, plan).routes(ns, v6), dst, null).flatMap(r -> model.routes().stream()
                .filter(m -> (r.via() != null ? r.via().equals(m.via()) : m.via() == null && r.dev() != null && r.dev().equals(m.dev()))
                        && IpPrefix.parse(m.isDefault() ? (v6 ? "::/0" : "0.0.0.0/0")
                        : m.destination()).map(p -> p.networkText().equals(r.prefix().networkText())).orElse(false))
                .findFirst());
        if (declared.isPresent() && readings.live()) {
            String line = lab.line(declared.get().source()).strip();
            leg.stop(stop, words.notInKernel(verdict, line), words.notInForce(line, declared.get().source()));
            return;
        }
        String cameInBy = iif;
        if (back && there != null) {
            for (Hop h : there.hops) if (ns.equals(h.namespace()) && h.in() != null) cameInBy = h.in();
        }
        Optional<String> onLink = fixes.linkRoute(ns, dst, cameInBy);
        if (onLink.isPresent()) {
            leg.stop(stop, verdict, onLink.get());
            return;
        }
        String gateway = suggestGateway(ns, returnPath, previous, v6);
        boolean hasDefault = model != null && model.routes().stream().anyMatch(r -> r.isDefault() && r.v6() == v6);
        String routeFix = words.routeToAdd(dst, gateway, hasDefault, gateway == null ? null : fixes.subnetOf(dst), ns);
        // a source the way there already masqueraded needs no other masquerade
        Optional<String> masquerade = back && there != null && !there.masqueraded.containsValue(dst) ? fixes.masqueradeFix(dst, there.hops, there.destinationAtArrival, v6) : Optional.empty();
        leg.stop(stop, verdict, masquerade.map(m -> words.masqueradeOrRoute(m, ns, routeFix)).orElse(routeFix));
    }

    /** An interface of {@code ns}, down (in the lab or in the kernel), whose subnet has the destination or a route's gateway to it. */
    private Optional<Topology.End> downInterfaceToward(String ns, String dst, boolean v6) {
        Namespace model = lab.namespace(ns).orElse(null);
        if (model == null) return Optional.empty();
        List<String> targets = new ArrayList<>(List.of(dst));
        KernelRules.longestMatch(new ModelReadings(lab, plan).routesIgnoringLinks(ns, v6), dst, null)
                .ifPresent(r -> {
                    if (r.via() != null) targets.add(r.via());
                    if (r.dev() != null && !Boolean.TRUE.equals(readings.linkUp(ns, r.dev()))) targets.add("dev " + r.dev());
                });
        for (Interface i : model.interfaces()) {
            if (!Boolean.FALSE.equals(readings.linkUp(ns, i.name()))) continue;
            for (String t : targets) {
                if (t.equals("dev " + i.name())) return Optional.of(new Topology.End(ns, i.name()));
                Optional<IpPrefix> p = IpPrefix.parse(t);
                if (p.isPresent() && model.addressesOf(i.name()).stream().anyMatch(a -> a.valid() && a.prefix().contains(p.get()))) {
                    return Optional.of(new Topology.End(ns, i.name()));
                }
            }
        }
        return Optional.empty();
    }

    /** One end of a cable is down: the packet goes no further. */
    private void linkDown(Leg leg, Topology.End end, String nextHop, Topology.End sender) {
        leg.stop(hop(Hop.Kind.STOP, end.namespace(), null, end.dev(), words.linkDown(end.dev(), end.namespace(), nextHop),
                        interfaceSource(end.namespace(), end.dev())),
                words.noWay(sender.namespace(), sender.dev(), nextHop, end.dev(), end.namespace()), fixes.downFix(end));
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

    private void noNeighbour(Leg leg, String ns, String dev, String nextHop, String dst, String arpSource,
                             Optional<Topology.Arrival> arrival, boolean v6) {
        if (arrival.isEmpty()) {
            leg.stop(hop(Hop.Kind.STOP, ns, null, dev, words.noNeighbourOwner(v6, nextHop), null),
                    words.noNeighbour(v6, nextHop, dev, ns), fixes.wrongAddressFix(ns, dev, nextHop, dst, v6));
            return;
        }
        Topology.End owner = arrival.get().at();
        String on = owner.namespace();
        String acceptKey = "net.ipv4.conf." + owner.dev() + ".accept_local";
        String settings = v6 ? "" : words.arpSettings(KernelRules.larger(readings, on, "arp_ignore", owner.dev()), readings.sysctl(on, acceptKey));
        Source source = interfaceSource(on, owner.dev());
        String decision = words.noNeighbourFrom(v6, owner.dev(), on, settings);
        ArpRefusal why = v6 ? null : KernelRules.arpRefusal(readings, on, owner.dev(), nextHop, arpSource);
        String reason = why == null ? null : words.arpRefusal(why);
        if (why != null && why.reason() == ArpRefusal.Reason.OWN_ADDRESS) {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, words.withReason(decision, reason), source),
                    words.ignoresOwnRequests(nextHop, dev, settings, owner.dev(), on, arpSource),
                    words.sysctlFix(acceptKey, "1", on));
        } else if (why != null && (why.reason() == ArpRefusal.Reason.RP_NO_ROUTE_BACK || why.reason() == ArpRefusal.Reason.RP_OTHER_INTERFACE)) {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, words.withReason(decision, reason), rpSource(on, owner.dev())),
                    words.arpRpDrop(nextHop, dev, ns, on, KernelRules.larger(readings, on, "rp_filter", owner.dev()) == 1, arpSource),
                    fixes.rpFix(on, owner.dev(), KernelRules.longestMatch(readings.routes(on, false), arpSource, null).isPresent() ? 2 : 0));
        } else if (why != null) {
            String key = why.reason() == ArpRefusal.Reason.ARP_FILTER ? "arp_filter" : "arp_ignore";
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, words.withReason(decision, reason), source),
                    words.arpRefused(nextHop, dev, settings, reason), words.arpFix(key, owner.dev(), on));
        } else {
            leg.stop(hop(Hop.Kind.STOP, on, owner.dev(), null, decision, source),
                    words.silent(v6, nextHop, dev, settings), words.lookAtSilent(owner.dev(), on));
        }
    }

    private Optional<FirewallLine> firstMatch(String ns, String table, String chain, FirewallLine.Packet packet, boolean v6) {
        FirewallLine policy = null;
        for (FirewallLine l : readings.rules(ns, v6)) {
            if (!l.table().equals(table) || !chain.equals(l.chain())) continue;
            if (l.policy()) policy = l;
            else if (!l.understood()) {
                String rule = words.rule(l.text(), ns);
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

    /** A DROP or REJECT rule (or policy) stops the packet in {@code ns}. */
    private void dropped(Leg leg, String ns, String iif, String out, String chain, FirewallLine rule, Source source) {
        String line = source == null ? null : lab.line(source).strip();
        leg.stop(hop(Hop.Kind.STOP, ns, iif, out, words.ruleDecision(chain, rule.policy(), rule.target(), rule.text(), source), source),
                words.droppedByRule(ns, rule.chain(), rule.policy(), rule.target(), rule.text(), source, line),
                words.ruleFix(rule.policy(), rule.text(), source, line));
    }

    private String routeDecision(String ns, Readings.RouteAnswer r, String dst, boolean forwarding, boolean v6) {
        Sysctl f = forwarding ? sysctl(ns, v6 ? "net.ipv6.conf.all.forwarding" : "net.ipv4.ip_forward") : null;
        return words.route(forwarding, dst, r.gateway(), r.dev(), f != null ? f.source() : null);
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
        return LabTables.lastSysctl(lab, ns, key).orElse(null);
    }

    private String addressOn(String ns, String dev, boolean v6) {
        return LabTables.addressOn(lab, ns, dev, v6);
    }

    private Hop hop(Hop.Kind kind, String ns, String in, String out, String decision, Source source) {
        return new Hop(kind, ns, in, out, decision, source, source == null ? null : lab.line(source).strip(), null);
    }
}
