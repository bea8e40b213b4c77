package nslab.imports;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The iptables rules the lab language has words for: {@code -t nat -A POSTROUTING [-s NET]
 * [-o IF] -j MASQUERADE}, {@code -A FORWARD [-i IF] [-o IF] -j ACCEPT|DROP} and {@code -t nat -A
 * PREROUTING [-i IF] -p tcp|udp --dport N -j DNAT --to-destination ADDR:PORT}. Listing
 * ({@code -L}, {@code -S}) only shows; any other rule is refused, naming what has no word.
 */
final class IptablesTranslator implements Translator {
    private static final Map<String, String> LONG = Map.ofEntries(
            Map.entry("--table", "-t"), Map.entry("--append", "-A"), Map.entry("--insert", "-I"),
            Map.entry("--source", "-s"), Map.entry("--src", "-s"), Map.entry("--in-interface", "-i"),
            Map.entry("--out-interface", "-o"), Map.entry("--jump", "-j"), Map.entry("--protocol", "-p"),
            Map.entry("--destination-port", "--dport"), Map.entry("--to", "--to-destination"),
            Map.entry("--destination", "-d"), Map.entry("--dst", "-d"), Map.entry("--list", "-L"),
            Map.entry("--list-rules", "-S"));

    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        Map<String, String> o = new HashMap<>();
        List<String> w = c.words();
        for (int i = 1; i < w.size(); i++) {
            String word = w.get(i);
            String opt = LONG.getOrDefault(word, word);
            if (opt.matches("-[a-zA-Z]*[LSnvx]+[a-zA-Z]*") && (opt.contains("L") || opt.contains("S"))) {
                t.skip(c, "only shows something");
                return;
            }
            if (!opt.startsWith("-")) {
                t.refuse(c, "iptables ... " + word + ": a word this importer does not read");
                return;
            }
            boolean hasValue = i + 1 < w.size() && !w.get(i + 1).startsWith("-");
            o.put(opt, hasValue ? w.get(++i) : "");
            if ((opt.equals("-I")) && i + 1 < w.size() && w.get(i + 1).matches("\\d+")) i++;
            if (opt.equals("-m")) o.remove("-m");            // -m tcp: the protocol match, implied by -p
        }
        String chain = o.containsKey("-A") ? o.get("-A") : o.get("-I");
        if (chain == null) {
            t.refuse(c, "iptables without -A or -I changes the tables in a way the lab language has no word for");
            return;
        }
        String table = o.getOrDefault("-t", "filter");
        String target = o.get("-j");
        String rule = rule(table, chain, target, o);
        if (rule == null) {
            t.refuse(c, target == null
                    ? "a rule without -j only counts packets; the lab language has accept, drop, masquerade and forwardPort"
                    : "-t " + table + " -A " + chain + " -j " + target
                    + " with these matches has no word in the lab language (accept, drop, masquerade, forwardPort)");
            return;
        }
        t.model.rules.add(new ImportModel.Setting(ns, rule, c));
    }

    private static String rule(String table, String chain, String target, Map<String, String> o) {
        String in = o.get("-i");
        String out = o.get("-o");
        if (table.equals("nat") && chain.equals("POSTROUTING") && "MASQUERADE".equals(target)
                && only(o, "-t", "-A", "-I", "-j", "-s", "-o")) {
            String from = o.get("-s");
            if (from == null && out == null) return null;
            if (from == null) return "masquerade out: " + LabText.quote(out);
            return out == null ? "masquerade from: " + LabText.quote(from)
                    : "masquerade " + LabText.quote(from) + ", out: " + LabText.quote(out);
        }
        if (table.equals("filter") && chain.equals("FORWARD") && ("ACCEPT".equals(target) || "DROP".equals(target))
                && only(o, "-t", "-A", "-I", "-j", "-i", "-o") && (in != null || out != null)) {
            return (target.equals("ACCEPT") ? "accept " : "drop ") + interfaces(in, out);
        }
        if (table.equals("nat") && chain.equals("PREROUTING") && "DNAT".equals(target)
                && only(o, "-t", "-A", "-I", "-j", "-i", "-p", "--dport", "--to-destination")
                && o.get("--dport") != null && o.get("--dport").matches("\\d+") && o.get("--to-destination") != null) {
            String proto = o.getOrDefault("-p", "tcp");
            if (!proto.equals("tcp") && !proto.equals("udp")) return null;
            String to = o.get("--to-destination");
            if (!to.contains(":")) to = to + ":" + o.get("--dport");
            return "forwardPort " + o.get("--dport") + ", to: " + LabText.quote(to)
                    + (in != null ? ", in: " + LabText.quote(in) : "")
                    + (proto.equals("udp") ? ", proto: 'udp'" : "");
        }
        return null;
    }

    private static String interfaces(String in, String out) {
        return (in != null ? "in: " + LabText.quote(in) : "")
                + (in != null && out != null ? ", " : "")
                + (out != null ? "out: " + LabText.quote(out) : "");
    }

    private static boolean only(Map<String, String> o, String... allowed) {
        return List.of(allowed).containsAll(o.keySet());
    }
}
