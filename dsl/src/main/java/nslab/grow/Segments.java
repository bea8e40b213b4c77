package nslab.grow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab's layer-2 segments: interfaces that veth pairs and bridges join into one link. A
 * segment's members are the interfaces on it that can carry its addresses (a bridge's ports
 * carry none; the bridge itself does), in the order the lab declares them.
 */
final class Segments {

    /** One interface of one namespace; {@code order} is its place in the lab. */
    record Member(Namespace ns, Interface iface, int order) {}

    /** A link: {@code lan} when a bridge is on it; {@code all} also holds the bridge ports. */
    record Segment(List<Member> members, List<Member> all, boolean lan) {
        /** A plain veth pair between two namespaces. */
        boolean cable() {
            return !lan && members.size() == 2 && members.stream().allMatch(m -> m.iface().isVeth())
                    && !members.get(0).ns().name().equals(members.get(1).ns().name());
        }

        boolean touchesHost() {
            return all.stream().anyMatch(m -> m.ns().host());
        }
    }

    private Segments() {}

    static List<Segment> of(Lab lab) {
        Map<String, Member> byKey = new LinkedHashMap<>();
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) continue;
            for (Interface i : ns.interfaces()) {
                if (i.created()) byKey.putIfAbsent(key(ns.name(), i.name()), new Member(ns, i, byKey.size()));
            }
        }
        Map<String, String> parent = new HashMap<>();
        byKey.keySet().forEach(k -> parent.put(k, k));
        for (Member m : byKey.values()) {
            if (m.iface().kind() instanceof DeviceKind.Veth v && v.peerNamespace() != null) {
                union(parent, key(m.ns().name(), m.iface().name()), key(v.peerNamespace(), v.peerName()));
            }
            if (m.iface().master() != null) {
                union(parent, key(m.ns().name(), m.iface().name()), key(m.ns().name(), m.iface().master()));
            }
        }
        Map<String, List<Member>> groups = new LinkedHashMap<>();
        for (Member m : byKey.values()) {
            groups.computeIfAbsent(find(parent, key(m.ns().name(), m.iface().name())), r -> new ArrayList<>()).add(m);
        }
        List<Segment> segments = new ArrayList<>();
        for (List<Member> all : groups.values()) {
            all.sort(Comparator.comparingInt(Member::order));
            boolean lan = all.stream().anyMatch(m -> m.iface().kind() instanceof DeviceKind.Bridge);
            List<Member> members = all.stream().filter(m -> m.iface().master() == null).toList();
            segments.add(new Segment(members, all, lan));
        }
        segments.sort(Comparator.comparing((Segment s) -> firstWritten(s, byKey)));
        return segments;
    }

    /** Where the script first made a part of this link, so that a link written later comes later. */
    private record Written(String file, int line, int order) implements Comparable<Written> {
        @Override
        public int compareTo(Written o) {
            return Comparator.comparing(Written::file).thenComparingInt(Written::line).thenComparingInt(Written::order).compare(this, o);
        }
    }

    /**
     * The earliest line among the link's parts; between parts of one line (a generator's), the
     * place in the lab of the end that made each veth pair.
     */
    private static Written firstWritten(Segment s, Map<String, Member> byKey) {
        Written first = null;
        for (Member m : s.all()) {
            Member maker = m;
            if (m.iface().kind() instanceof DeviceKind.Veth v && !v.primary() && v.peerNamespace() != null) {
                maker = byKey.getOrDefault(key(v.peerNamespace(), v.peerName()), m);
            }
            Written w = new Written(m.iface().source().file(), m.iface().source().line(), maker.order());
            if (first == null || w.compareTo(first) < 0) first = w;
        }
        return first;
    }

    private static String key(String ns, String iface) {
        return ns + "\u0000" + iface;
    }

    private static String find(Map<String, String> parent, String k) {
        String p = parent.get(k);
        if (p == null) return k;
        while (!p.equals(parent.get(p))) p = parent.get(p);
        return p;
    }

    private static void union(Map<String, String> parent, String a, String b) {
        if (!parent.containsKey(a) || !parent.containsKey(b)) return;
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) parent.put(rb, ra);
    }
}
