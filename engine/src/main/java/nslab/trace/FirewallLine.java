package nslab.trace;

import java.util.ArrayList;
import java.util.List;
import nslab.model.IpPrefix;

/**
 * One iptables rule as {@code iptables-save} prints it (or as the plan writes it), reduced to what
 * a trace needs: the chain, the interfaces, addresses, protocol and port it matches, and its
 * target (and a DNAT's new destination). A chain's policy is a line of its own with {@code policy} set. A rule with matches
 * beyond these ({@code !}, other modules) is not {@code understood}: the walk cannot say whether
 * it applies, and says so.
 */
record FirewallLine(String table, String chain, boolean policy, String in, String out, String src, String dst,
                    String proto, Integer dport, String target, String toDestination, boolean understood, String text) {

    /** What a rule is matched against. */
    record Packet(String src, String dst, String in, String out, String proto, Integer dport) {}

    /** The lines of {@code iptables-save} output (counters, if any, are skipped). */
    static List<FirewallLine> parseSave(String text) {
        List<FirewallLine> out = new ArrayList<>();
        String table = "filter";
        for (String raw : text.split("\n")) {
            String line = raw.strip().replaceFirst("^\\[\\d+:\\d+\\]\\s*", "");
            if (line.startsWith("*")) table = line.substring(1);
            else if (line.startsWith(":")) {
                String[] parts = line.substring(1).split("\\s+");
                if (parts.length > 1 && !parts[1].equals("-")) {
                    out.add(new FirewallLine(table, parts[0], true, null, null, null, null, null, null, parts[1], null, true, line));
                }
            } else if (line.startsWith("-A ")) {
                out.add(parse(table, List.of(line.split("\\s+"))));
            }
        }
        return out;
    }

    /** A rule from its arguments: {@code [-t TABLE] -A CHAIN ...}. */
    static FirewallLine parse(String table, List<String> args) {
        String chain = null, in = null, out = null, src = null, dst = null, proto = null, target = null, to = null;
        Integer dport = null;
        boolean understood = true;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String next = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (a) {
                case "-t" -> { table = next; i++; }
                case "-A", "-I" -> { chain = next; i++; }
                case "-i" -> { in = next; i++; }
                case "-o" -> { out = next; i++; }
                case "-s" -> { src = next; i++; }
                case "-d" -> { dst = next; i++; }
                case "-p" -> { proto = next; i++; }
                case "--dport" -> { dport = next == null ? null : Integer.valueOf(next); i++; }
                case "-j" -> { target = next; i++; }
                case "--comment" -> i++;
                case "-m" -> {
                    if (!List.of("tcp", "udp", "icmp", "icmp6", "comment").contains(next)) understood = false;
                    i++;
                }
                case "--to-destination" -> { to = next; i++; }
                case "--to-source", "--icmp-type", "--icmpv6-type" -> i++;
                default -> understood = false;
            }
        }
        return new FirewallLine(table, chain, false, in, out, src, dst, proto, dport, target, to, understood,
                String.join(" ", args));
    }

    boolean matches(Packet p) {
        if (policy) return true;
        if (in != null && !in.equals(p.in())) return false;
        if (out != null && !out.equals(p.out())) return false;
        if (src != null && !within(p.src(), src)) return false;
        if (dst != null && !within(p.dst(), dst)) return false;
        if (proto != null && !proto.equals(p.proto()) && !(proto.equals("ipv6-icmp") && "icmpv6".equals(p.proto()))) return false;
        return dport == null || dport.equals(p.dport());
    }

    /** Whether this rule is the same as the other one, as iptables-save prints a rule the plan wrote. */
    boolean sameAs(FirewallLine o) {
        return table.equals(o.table) && chain.equals(o.chain) && eq(in, o.in) && eq(out, o.out)
                && samePrefix(src, o.src) && samePrefix(dst, o.dst) && eq(proto, o.proto) && eq(dport, o.dport)
                && eq(target, o.target);
    }

    private static boolean eq(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }

    private static boolean samePrefix(String a, String b) {
        if (a == null || b == null) return a == b;
        var pa = IpPrefix.parse(a);
        var pb = IpPrefix.parse(b);
        if (pa.isEmpty() || pb.isEmpty()) return a.equals(b);
        return pa.get().networkText().equals(pb.get().networkText());
    }

    private static boolean within(String address, String prefix) {
        if (address == null) return false;
        var a = IpPrefix.parse(address);
        var p = IpPrefix.parse(prefix);
        return a.isPresent() && p.isPresent() && p.get().contains(a.get());
    }
}
