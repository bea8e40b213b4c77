package nslab.grow;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nslab.check.Problem;
import nslab.model.Address;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * Gives addresses from the {@code addresses} pools: a /30 (IPv6: a /127) to each cable whose
 * ends have none of that family, a /24 (a /64) to each bridge LAN, the members first to last in
 * the order the lab declares them. Subnets are taken in the order the links appear, each at the
 * next boundary of its size, skipping any that holds an address the lab writes by hand, so the
 * same lab always gets the same addresses and a link added later leaves the others' as they are.
 * Links that reach the host get none: the machine's own networks are not the lab's to number.
 */
final class AddressPools {
    private static final int CABLE_V4 = 30;
    private static final int CABLE_V6 = 127;
    private static final int LAN_V4 = 24;
    private static final int LAN_V6 = 64;

    private AddressPools() {}

    static Lab assign(Lab lab, List<Growth.Pool> pools, List<Problem> problems) {
        Map<Boolean, Growth.Pool> byFamily = new LinkedHashMap<>();
        Map<Boolean, IpPrefix> prefixes = new LinkedHashMap<>();
        for (Growth.Pool pool : pools) {
            Optional<IpPrefix> parsed = checked(pool, problems);
            if (parsed.isEmpty()) continue;
            boolean v6 = parsed.get().v6();
            Growth.Pool first = byFamily.putIfAbsent(v6, pool);
            if (first != null) {
                problems.add(Problem.error(pool.source(), "a second " + family(v6) + " pool (the first is "
                        + first.text() + " at line " + first.source().line() + ")", "one pool for each IP family: make the first one larger"));
                continue;
            }
            prefixes.put(v6, parsed.get());
        }
        if (prefixes.isEmpty()) return lab;
        List<Segments.Segment> segments = Segments.of(lab);
        Map<String, List<Address>> given = new LinkedHashMap<>();
        prefixes.forEach((v6, prefix) -> allocate(lab, segments, byFamily.get(v6), prefix, given, problems));
        List<Namespace> namespaces = lab.namespaces().stream()
                .map(ns -> given.containsKey(ns.name()) ? Growth.adding(ns, given.get(ns.name()), List.of(), List.of(), false) : ns)
                .toList();
        return lab.withNamespaces(namespaces);
    }

    private static Optional<IpPrefix> checked(Growth.Pool pool, List<Problem> problems) {
        Optional<IpPrefix> p = IpPrefix.parse(pool.text());
        String example = "addresses '10.0.0.0/16'  or  addresses '2001:db8::/48'";
        if (p.isEmpty()) {
            problems.add(Problem.error(pool.source(), "'" + pool.text() + "' is no pool of addresses", "write a network with its length: " + example));
        } else if (!p.get().lengthGiven()) {
            problems.add(Problem.error(pool.source(), "the pool " + pool.text() + " has no prefix length, so it is one address",
                    "write the network and its length: addresses '" + pool.text() + (p.get().v6() ? "/48'" : "/16'")));
            return Optional.empty();
        } else if (!p.get().networkText().equals(p.get().withLength())) {
            problems.add(Problem.error(pool.source(), "the pool " + pool.text() + " has host bits set",
                    "write the network: addresses '" + p.get().networkText() + "'"));
            return Optional.empty();
        }
        return p;
    }

    /** One family's subnets, in the order of the links. */
    private static void allocate(Lab lab, List<Segments.Segment> segments, Growth.Pool pool, IpPrefix prefix,
                                 Map<String, List<Address>> given, List<Problem> problems) {
        boolean v6 = prefix.v6();
        int max = prefix.maxLength();
        List<IpPrefix> byHand = new ArrayList<>();
        lab.namespaces().forEach(ns -> ns.addresses().stream().filter(a -> a.valid() && a.v6() == v6).forEach(a -> byHand.add(a.prefix())));
        BigInteger start = prefix.networkValue();
        BigInteger end = start.add(BigInteger.ONE.shiftLeft(max - prefix.length()));
        BigInteger cursor = start;
        BigInteger needed = BigInteger.ZERO;
        int cables = 0;
        int lans = 0;
        boolean exhausted = false;
        boolean skipped = false;
        for (Segments.Segment s : segments) {
            if (s.touchesHost() || s.members().isEmpty() || (!s.lan() && !s.cable())) continue;
            if (s.all().stream().anyMatch(m -> m.ns().addresses().stream().anyMatch(a -> a.dev().equals(m.iface().name()) && a.valid() && a.v6() == v6))) continue;
            int length = s.lan() ? lanLength(v6, s.members().size()) : (v6 ? CABLE_V6 : CABLE_V4);
            BigInteger size = BigInteger.ONE.shiftLeft(max - length);
            needed = needed.add(size);
            if (s.lan()) lans++; else cables++;
            cursor = alignUp(cursor.subtract(start), size).add(start);
            while (cursor.add(size).compareTo(end) <= 0 && overlaps(IpPrefix.of(v6, cursor, length), byHand)) {
                cursor = cursor.add(size);
                skipped = true;
            }
            if (cursor.add(size).compareTo(end) > 0) {
                exhausted = true;
                continue;
            }
            // a /127's two addresses are both hosts (RFC 6164); elsewhere the first host is .1
            int first = v6 && length == CABLE_V6 ? 0 : 1;
            for (int i = 0; i < s.members().size(); i++) {
                Segments.Member m = s.members().get(i);
                IpPrefix a = IpPrefix.of(v6, cursor.add(BigInteger.valueOf(first + i)), length);
                given.computeIfAbsent(m.ns().name(), n -> new ArrayList<>())
                        .add(new Address(m.ns().name(), m.iface().name(), a.text(), a, pool.source()));
            }
            cursor = cursor.add(size);
        }
        if (exhausted) problems.add(tooSmall(pool, prefix, cables, lans, needed, skipped));
    }

    /** The /24 (/64) of a LAN, or more when its members would not fit one. */
    private static int lanLength(boolean v6, int members) {
        int length = v6 ? LAN_V6 : LAN_V4;
        int max = v6 ? 128 : 32;
        while (BigInteger.ONE.shiftLeft(max - length).compareTo(BigInteger.valueOf(members + 2L)) < 0) length--;
        return length;
    }

    private static BigInteger alignUp(BigInteger offset, BigInteger size) {
        BigInteger[] qr = offset.divideAndRemainder(size);
        return qr[1].signum() == 0 ? offset : qr[0].add(BigInteger.ONE).multiply(size);
    }

    private static boolean overlaps(IpPrefix block, List<IpPrefix> byHand) {
        for (IpPrefix p : byHand) if (block.contains(p) || p.contains(block)) return true;
        return false;
    }

    private static Problem tooSmall(Growth.Pool pool, IpPrefix prefix, int cables, int lans, BigInteger needed, boolean skipped) {
        boolean v6 = prefix.v6();
        List<String> parts = new ArrayList<>();
        if (cables > 0) parts.add(cables + " cable" + (cables == 1 ? "" : "s") + " (a /" + (v6 ? CABLE_V6 : CABLE_V4) + " each)");
        if (lans > 0) parts.add(lans + " bridge LAN" + (lans == 1 ? "" : "s") + " (a /" + (v6 ? LAN_V6 : LAN_V4) + " each)");
        int bits = needed.subtract(BigInteger.ONE).bitLength() + (skipped ? 1 : 0);
        int length = Math.max(0, prefix.maxLength() - bits);
        String have = BigInteger.ONE.shiftLeft(prefix.maxLength() - prefix.length()).toString();
        return Problem.error(pool.source(), "the pool " + pool.text() + " is too small: the lab needs " + needed
                        + " addresses for " + String.join(" and ", parts) + (skipped ? ", beside the subnets it numbers by hand" : "")
                        + ", and the pool has " + have,
                "use a /" + length + " or larger: addresses '" + IpPrefix.of(v6, prefix.networkValue(), length).networkText() + "'");
    }

    private static String family(boolean v6) {
        return v6 ? "IPv6" : "IPv4";
    }
}
