package nslab.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tc qdisc add|replace|change dev IF root netem ...} and {@code ... root tbf rate R ...};
 * {@code tc qdisc del dev IF root} takes them away; {@code show} only shows.
 */
final class TcTranslator implements Translator {
    private static final Set<String> NETEM = Set.of("delay", "loss", "duplicate", "corrupt", "reorder", "limit");

    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        List<String> w = c.words();
        if (w.size() < 3 || !w.get(1).equals("qdisc") || IpTranslator.isShow(w.get(2))) {
            if (w.size() < 3 || IpTranslator.isShow(w.get(w.size() > 2 ? 2 : 1))) t.skip(c, "only shows something");
            else t.refuse(c, "tc " + w.get(1) + " has no word in the lab language (it has netem and rate)");
            return;
        }
        String action = w.get(2);
        int i = 3;
        String dev = null;
        if (i + 1 < w.size() && w.get(i).equals("dev")) {
            dev = w.get(i + 1);
            i += 2;
        }
        if (dev == null || i >= w.size() || !w.get(i).equals("root")) {
            t.refuse(c, "tc qdisc " + action + " reads here only as: tc qdisc " + action + " dev IF root netem|tbf ...");
            return;
        }
        Optional<Device> found = t.device(c, ns, dev);
        if (found.isEmpty()) return;
        Device d = found.get();
        if (action.equals("del") || action.equals("delete")) {
            d.netem.clear();
            d.rate = null;
            return;
        }
        if (!List.of("add", "replace", "change").contains(action) || i + 1 >= w.size()) {
            t.refuse(c, "tc qdisc " + action + " has no word in the lab language");
            return;
        }
        String kind = w.get(i + 1);
        List<String> args = w.subList(i + 2, w.size());
        if (kind.equals("netem")) {
            Map<String, String> netem = netem(args);
            if (netem == null) {
                t.refuse(c, "netem takes here: delay TIME [JITTER], loss P%, duplicate P%, corrupt P%, reorder P%, limit N");
                return;
            }
            d.netem.clear();
            d.netem.putAll(netem);
        } else if (kind.equals("tbf") && args.indexOf("rate") >= 0 && args.indexOf("rate") + 1 < args.size()) {
            d.rate = args.get(args.indexOf("rate") + 1);
        } else {
            t.refuse(c, "the qdisc " + kind + " has no word in the lab language (it has netem and tbf as rate)");
            return;
        }
        d.settle();
    }

    private static Map<String, String> netem(List<String> args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String key = args.get(i);
            if (!NETEM.contains(key) || i + 1 >= args.size()) return null;
            m.put(key, args.get(++i));
            if (key.equals("delay") && i + 1 < args.size() && args.get(i + 1).matches("[\\d.]+(us|ms|s)")) {
                m.put("jitter", args.get(++i));
            }
            if (key.equals("loss") && i + 1 < args.size() && args.get(i + 1).matches("[\\d.]+%")) {
                return null;                                      // a correlation: no word for it
            }
        }
        return m.isEmpty() ? null : m;
    }
}
