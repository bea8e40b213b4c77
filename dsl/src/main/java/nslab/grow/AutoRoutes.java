package nslab.grow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import nslab.model.Address;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Route;
import nslab.model.Source;
import nslab.model.Sysctl;

/**
 * {@code routes 'auto'}: a static route in each namespace to each subnet of the lab it is not on,
 * through the neighbour that starts a shortest path there, and forwarding on in each namespace a
 * path crosses. A breadth-first search from each subnet outwards, one cable a step. Where paths
 * are equally short the neighbour declared first in the lab is taken, so the same lab always gets
 * the same routes. A route the script writes is kept and followed: a namespace with its own route
 * to a subnet (or a default route) gets none there, and paths through it go where that route says.
 * The host gets no routes and forwards nothing: the machine's own routing is not the lab's.
 */
final class AutoRoutes {
    private static final String FORWARD_V4 = Growth.FORWARD_V4;
    private static final String FORWARD_V6 = Growth.FORWARD_V6;

    /** u reaches v's address {@code via} out of u's interface {@code dev}. */
    private record Edge(int from, int to, String via, String dev) {}

    private final List<Namespace> nodes;
    private final Map<String, Integer> index = new HashMap<>();
    private final List<Segments.Segment> segments;
    private final Source line;
    private final Map<Integer, List<Route>> routes = new TreeMap<>();
    private final Set<String> forwarding = new HashSet<>();

    private AutoRoutes(Lab lab, Source line) {
        this.nodes = lab.namespaces().stream().filter(Namespace::declared).toList();
        for (int i = 0; i < nodes.size(); i++) index.put(nodes.get(i).name(), i);
        this.segments = Segments.of(lab);
        this.line = line;
    }

    static Lab add(Lab lab, Source line) {
        AutoRoutes auto = new AutoRoutes(lab, line);
        auto.family(false);
        auto.family(true);
        List<Namespace> namespaces = lab.namespaces().stream().map(auto::grown).toList();
        return lab.withNamespaces(namespaces);
    }

    private Namespace grown(Namespace ns) {
        Integer i = index.get(ns.name());
        if (i == null) return ns;
        List<Route> mine = routes.getOrDefault(i, List.of());
        List<Sysctl> sysctls = new ArrayList<>();
        boolean v4 = forwarding.contains(ns.name() + "/4") && !setting(ns, FORWARD_V4, "1");
        boolean v6 = forwarding.contains(ns.name() + "/6") && !setting(ns, FORWARD_V6, "1");
        if (v4) sysctls.add(new Sysctl(ns.name(), FORWARD_V4, "1", line));
        if (v6) sysctls.add(new Sysctl(ns.name(), FORWARD_V6, "1", line));
        if (mine.isEmpty() && sysctls.isEmpty()) return ns;
        return Growth.adding(ns, List.of(), mine, sysctls, v4 || v6);
    }

    private static boolean setting(Namespace ns, String key, String value) {
        return ns.sysctls().stream().anyMatch(s -> s.key().equals(key) && s.value().strip().equals(value));
    }

    /** A destination: a subnet (or a full-length address) and the namespaces on it. */
    private record Destination(IpPrefix prefix, Set<Integer> on) {}

    private void family(boolean v6) {
        List<List<Edge>> into = new ArrayList<>();
        nodes.forEach(n -> into.add(new ArrayList<>()));
        for (Edge e : edges(v6)) into.get(e.to()).add(e);
        for (Destination d : destinations(v6)) search(d, into, v6);
    }

    /** Every namespace's neighbours: a neighbour's address inside a subnet of one of its own interfaces on the same link. */
    private List<Edge> edges(boolean v6) {
        List<Edge> edges = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Segments.Segment s : segments) {
            for (Segments.Member a : s.members()) {
                for (Segments.Member b : s.members()) {
                    if (a.ns().name().equals(b.ns().name())) continue;
                    int from = index.get(a.ns().name());
                    int to = index.get(b.ns().name());
                    if (seen.contains(from + " " + to)) continue;
                    edge(a, b, v6).ifPresent(via -> {
                        seen.add(from + " " + to);
                        edges.add(new Edge(from, to, via, a.iface().name()));
                    });
                }
            }
        }
        return edges;
    }

    private static Optional<String> edge(Segments.Member a, Segments.Member b, boolean v6) {
        for (Address mine : on(a, v6)) {
            if (mine.prefix().length() == mine.prefix().maxLength()) continue;
            for (Address theirs : on(b, v6)) {
                if (mine.prefix().contains(theirs.prefix())) return Optional.of(theirs.prefix().addressText());
            }
        }
        return Optional.empty();
    }

    private static List<Address> on(Segments.Member m, boolean v6) {
        return m.ns().addressesOf(m.iface().name()).stream().filter(x -> x.valid() && x.v6() == v6).toList();
    }

    private List<Destination> destinations(boolean v6) {
        Map<String, Destination> all = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            for (Address a : nodes.get(i).addresses()) {
                if (!a.valid() || a.v6() != v6) continue;
                IpPrefix net = IpPrefix.parse(a.prefix().networkText()).orElseThrow();
                all.computeIfAbsent(net.text(), k -> new Destination(net, new HashSet<>())).on().add(i);
            }
        }
        return List.copyOf(all.values());
    }

    /** Breadth first from the namespaces on the destination; each level's namespaces take the first neighbour by lab order. */
    private void search(Destination d, List<List<Edge>> into, boolean v6) {
        int n = nodes.size();
        int[] dist = new int[n];
        java.util.Arrays.fill(dist, -1);
        List<Integer> frontier = new ArrayList<>(new java.util.TreeSet<>(d.on()));
        frontier.forEach(i -> dist[i] = 0);
        Map<Integer, Optional<Route>> hand = new HashMap<>();
        for (int level = 0; !frontier.isEmpty(); level++) {
            Map<Integer, Edge> best = new TreeMap<>();
            for (int u : frontier) {
                if (!passes(u, d)) continue;
                for (Edge e : into.get(u)) {
                    int v = e.from();
                    if (dist[v] >= 0 || nodes.get(v).host()) continue;
                    Optional<Route> own = hand.computeIfAbsent(v, x -> handRoute(nodes.get(x), d.prefix(), v6));
                    if (own.isPresent() && !follows(own.get(), e)) continue;
                    Edge sofar = best.get(v);
                    if (sofar == null || u < sofar.to()) best.put(v, e);
                }
            }
            for (Map.Entry<Integer, Edge> chosen : best.entrySet()) {
                int v = chosen.getKey();
                Edge e = chosen.getValue();
                dist[v] = level + 1;
                Namespace next = nodes.get(e.to());
                if (!owns(e.to(), d)) forwarding.add(next.name() + (v6 ? "/6" : "/4"));
                if (hand.get(v).isPresent()) continue;
                routes.computeIfAbsent(v, x -> new ArrayList<>()).add(new Route(nodes.get(v).name(), d.prefix().text(),
                        e.via(), null, line, new Route.Auto(next.name(), level + 1 + (fullLength(d) ? 0 : 1))));
            }
            frontier = new ArrayList<>(best.keySet());
        }
    }

    /** Whether a packet for the destination may be sent to namespace u: u forwards, or the destination is u's own address. */
    private boolean passes(int u, Destination d) {
        if (owns(u, d)) return true;
        Namespace ns = nodes.get(u);
        if (ns.host()) return false;
        String key = d.prefix().v6() ? FORWARD_V6 : FORWARD_V4;
        return !setting(ns, key, "0");
    }

    private static boolean owns(int u, Destination d) {
        return fullLength(d) && d.on().contains(u);
    }

    private static boolean fullLength(Destination d) {
        return d.prefix().length() == d.prefix().maxLength();
    }

    /** The script's most specific route of this namespace that covers the destination, if any. */
    private static Optional<Route> handRoute(Namespace ns, IpPrefix dest, boolean v6) {
        Route found = null;
        int longest = -1;
        for (Route r : ns.routes()) {
            if (r.auto() != null) continue;
            int length;
            if (r.isDefault()) {
                if (r.via() == null ? v6 : r.v6() != v6) continue;
                length = 0;
            } else {
                Optional<IpPrefix> p = IpPrefix.parse(r.destination());
                if (p.isEmpty() || p.get().v6() != v6 || !p.get().contains(dest)) continue;
                length = p.get().length();
            }
            if (length > longest) {
                longest = length;
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether the script's route sends packets along this edge. */
    private static boolean follows(Route r, Edge e) {
        if (r.via() != null) {
            Optional<IpPrefix> gw = IpPrefix.parse(r.via());
            Optional<IpPrefix> to = IpPrefix.parse(e.via());
            boolean same = gw.isPresent() && to.isPresent() && gw.get().address().equals(to.get().address());
            return same && (r.dev() == null || r.dev().equals(e.dev()));
        }
        return r.dev() != null && r.dev().equals(e.dev());
    }
}
