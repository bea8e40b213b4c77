package nslab.lang;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.check.Problem;
import nslab.check.Suggestions;
import nslab.grow.Growth;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Convergence;
import nslab.model.Expectation;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Source;

/**
 * Collects what a script says, in any order, and turns it into a {@link Lab} once the whole
 * script is read: only then can a veth's peer or a link's namespaces be resolved.
 */
public final class LabBuilder {
    private String name;
    private final Map<String, NamespaceState> namespaces = new LinkedHashMap<>();
    private final List<Expectation> expectations = new ArrayList<>();
    private Convergence convergence;
    private final List<LinkRequest> links = new ArrayList<>();
    /** Mistakes found while reading that are not Groovy errors, e.g. ip with no interface to put it on. */
    private final List<Problem> problems = new ArrayList<>();

    /** The blocks being evaluated, innermost first: where a word is written. */
    private final java.util.Deque<Words.Context> blocks = new java.util.ArrayDeque<>();

    /** The {@code addresses} pools, in the order written. */
    private final List<Growth.Pool> pools = new ArrayList<>();
    /** The {@code routes 'auto'} line, or null. */
    private Source autoRoutes;

    record LinkRequest(String a, String b, String ipA, String ipB, Source source) {}

    public LabBuilder(String defaultName) {
        this.name = defaultName;
    }

    void name(String labName) {
        this.name = labName;
    }

    NamespaceState namespace(String nsName, Source source) {
        boolean host = Namespace.HOST.equals(nsName);
        NamespaceState state = namespaces.computeIfAbsent(nsName, n -> new NamespaceState(n, host, source));
        if (!state.declared) {
            state.declared = true;
            state.source = source;
        }
        return state;
    }

    void link(String a, String b, String ipA, String ipB, Source source) {
        links.add(new LinkRequest(a, b, ipA, ipB, source));
    }

    void pool(String text, Source source) {
        pools.add(new Growth.Pool(text, source));
    }

    void routes(String how, Source source) {
        if (!"auto".equals(how)) {
            problems.add(Problem.error(source, "routes '" + how + "': the one way nslab works out routes is 'auto'",
                    "write: routes 'auto' (or write each route in its namespace: route '10.0.3.0/24' via '10.0.1.2')"));
        } else if (autoRoutes == null) {
            autoRoutes = source;
        }
    }

    void expect(Expectation e) {
        expectations.add(e);
    }

    void converge(Convergence c) {
        if (convergence != null) {
            problems.add(Problem.error(c.source(), "converged is already expected on line " + convergence.source().line(),
                    "write one converged line: it is one wait for all the lab's daemons"));
            return;
        }
        convergence = c;
    }

    void replaceExpectation(Expectation old, Expectation complete) {
        for (int i = 0; i < expectations.size(); i++) {
            if (expectations.get(i) == old) expectations.set(i, complete);
        }
    }

    /** Enters a block; evaluation stops when blocks nest deeper than {@link ScriptLimits#MAX_NESTING}. */
    void enter(Words.Context context) {
        if (blocks.size() >= ScriptLimits.MAX_NESTING) throw new ScriptLimits.NestingTooDeep(ScriptLines.here());
        blocks.push(context);
    }

    void leave() {
        blocks.pop();
    }

    /** The block the script is in now. */
    Words.Context block() {
        return blocks.isEmpty() ? Words.Context.TOP : blocks.peek();
    }

    void problem(Problem p) {
        problems.add(p);
    }

    /**
     * Reports each named argument that {@code word} does not take ({@code drop inn: 'v0'} would
     * otherwise drop all forwarding), with the closest key it does take. {@code keysOf}: the word
     * whose keys apply ({@code on} takes those of the macvlan or vlan before it).
     */
    void checkKeys(String word, String keysOf, Map<String, ?> options, Source at) {
        List<String> allowed = Words.find(keysOf).map(Words.Word::keys).orElse(List.of());
        for (Object key : options.keySet()) {
            String k = String.valueOf(key);
            if (allowed.contains(k)) continue;
            String takes = allowed.isEmpty() ? word + " takes no named arguments"
                    : word + (word.equals(keysOf) ? "" : " after " + keysOf) + " takes "
                    + String.join(", ", allowed.stream().map(a -> a + ":").toList());
            String hint = Suggestions.closest(k, allowed).map(c -> "did you mean '" + c + ":'? ").orElse("");
            problems.add(Problem.error(at, "'" + word + "' has no named argument '" + k + ":'", hint + takes));
        }
    }

    void checkKeys(String word, Map<String, ?> options, Source at) {
        checkKeys(word, word, options, at);
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The lab as the script describes it, with peers and links resolved. Call once per builder. */
    public Lab build(Map<String, List<String>> scripts) {
        Map<String, NamespaceState> all = new LinkedHashMap<>();
        namespaces.forEach((k, v) -> all.put(k, v));
        List<DefaultPeerName> defaults = new ArrayList<>();
        for (LinkRequest l : links) {
            NamespaceState a = lookup(all, l.a(), l.source());
            lookup(all, l.b(), l.source());
            IfaceState end = a.declare(l.b(), l.source());
            end.peer = new IfaceState.VethPeer(l.b(), l.a(), l.ipB(), l.source());
            if (l.ipA() != null) a.addresses.add(address(a.name, end.name, l.ipA(), l.source()));
        }
        for (NamespaceState ns : List.copyOf(all.values())) {
            List<IfaceState> withPeers = new ArrayList<>();
            ns.interfaces.values().stream().filter(i -> i.peer != null).forEach(withPeers::add);
            ns.duplicates.stream().filter(i -> i.peer != null).forEach(withPeers::add);
            for (IfaceState end : withPeers) resolvePeer(all, ns, end, defaults);
        }
        reportDefaultNameClashes(defaults);
        List<Namespace> model = all.values().stream().map(NamespaceState::toModel).toList();
        Growth.Grown grown = Growth.apply(new Lab(name, model, expectations, scripts, convergence), pools, autoRoutes);
        problems.addAll(grown.problems());
        return grown.lab();
    }

    private record DefaultPeerName(String namespace, String name, Source source) {}

    private void resolvePeer(Map<String, NamespaceState> all, NamespaceState ns, IfaceState end,
                             List<DefaultPeerName> defaults) {
        IfaceState.VethPeer p = end.peer;
        if (p.target() == null) {
            end.kind = new DeviceKind.Veth(null, null, true);
            return;
        }
        boolean toNamespace = p.name() != null || all.containsKey(p.target()) && all.get(p.target()).declared
                || Namespace.HOST.equals(p.target()) || looksLikeMistypedNamespace(all, ns, p.target());
        NamespaceState peerNs;
        String peerName;
        if (toNamespace) {
            peerNs = lookup(all, p.target(), p.source());
            peerName = p.name() != null ? p.name() : ns.name;
            if (p.name() == null) defaults.add(new DefaultPeerName(peerNs.name, peerName, p.source()));
        } else {
            // Not a namespace: the name of the other end, in this same namespace (a veth pair whose
            // two ends stay together until one is moved, as tutorials often start).
            peerNs = ns;
            peerName = p.target();
        }
        end.kind = new DeviceKind.Veth(peerNs.name, peerName, true);
        IfaceState other = peerNs.interfaces.get(peerName);
        if (other == null || other.declared()) {
            other = peerNs.declare(peerName, p.source());
        }
        other.kind = new DeviceKind.Veth(ns.name, end.name, false);
        other.source = p.source();
        if (p.ip() != null) peerNs.addresses.add(address(peerNs.name, peerName, p.ip(), p.source()));
    }

    private void reportDefaultNameClashes(List<DefaultPeerName> defaults) {
        Map<String, DefaultPeerName> seen = new LinkedHashMap<>();
        for (DefaultPeerName d : defaults) {
            DefaultPeerName first = seen.putIfAbsent(d.namespace() + "/" + d.name(), d);
            if (first != null) {
                problems.add(Problem.error(d.source(),
                        "two veth ends in '" + d.namespace() + "' would both be called '" + d.name()
                                + "' (the first at line " + first.source().line() + ")",
                        "name the other end: peer '" + d.namespace() + "', name: '" + d.name() + "2'"));
            }
        }
    }

    /**
     * A peer that is no namespace names the other end in this namespace — unless it
     * is a near miss of a namespace name and not used here as an interface: then it is a typo,
     * kept as a namespace reference so that validation reports it with "did you mean". A near
     * miss is one edit for names of four to six letters, two for longer ones: {@code veth1}
     * beside a namespace {@code net1} stays an interface name.
     */
    private static boolean looksLikeMistypedNamespace(Map<String, NamespaceState> all, NamespaceState ns, String target) {
        if (ns.interfaces.containsKey(target) || target.length() < 4) return false;
        int near = target.length() <= 6 ? 1 : 2;
        return declaredNames(all).stream().anyMatch(n -> Suggestions.distance(n.toLowerCase(), target.toLowerCase()) <= near);
    }

    private static List<String> declaredNames(Map<String, NamespaceState> all) {
        List<String> names = new ArrayList<>();
        all.values().stream().filter(s -> s.declared).forEach(s -> names.add(s.name));
        names.add(Namespace.HOST);
        return names;
    }

    /** A namespace that something refers to; one never declared is kept, undeclared, for validation to report. */
    private static NamespaceState lookup(Map<String, NamespaceState> all, String nsName, Source source) {
        NamespaceState s = all.get(nsName);
        if (s == null) {
            boolean host = Namespace.HOST.equals(nsName);
            s = new NamespaceState(nsName, host, source);
            s.declared = host;
            all.put(nsName, s);
        }
        return s;
    }

    static Address address(String ns, String dev, String text, Source source) {
        return new Address(ns, dev, text, IpPrefix.parse(text).orElse(null), source);
    }
}
