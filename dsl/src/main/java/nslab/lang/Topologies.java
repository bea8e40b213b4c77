package nslab.lang;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nslab.check.Problem;
import nslab.model.DeviceKind;
import nslab.model.Source;

/**
 * The generators ({@code linear}, {@code ring}, {@code star}, {@code tree}, {@code mesh}): each
 * records ordinary namespaces and cables, as if the script had written them one by one, so that
 * later lines add to them and every other word names them. A cable is a {@code link}: its end in
 * each namespace is named after the namespace at the other end.
 */
final class Topologies {
    /** More namespaces than this in one generator is a mistake in the numbers, not a lab. */
    static final int MAX_NAMESPACES = 2000;
    /** A mesh of this many has n(n-1)/2 cables: 4950 at 100. */
    static final int MAX_MESH = 100;
    /** IFNAMSIZ less the terminating zero: the longest interface name Linux takes. */
    private static final int MAX_IFNAME = 15;

    private final LabBuilder lab;
    private final Source here;
    private final String word;

    Topologies(LabBuilder lab, Source here, String word) {
        this.lab = lab;
        this.here = here;
        this.word = word;
    }

    void linear(Object prefix, Object count) {
        String p = prefix(prefix);
        Integer n = count(count, 1, MAX_NAMESPACES, "linear 'r', 5");
        if (p == null || n == null || !namesFit(p, n)) return;
        for (int i = 1; i <= n; i++) lab.namespace(p + i, here);
        for (int i = 1; i < n; i++) lab.link(p + i, p + (i + 1), null, null, here);
    }

    void ring(Object prefix, Object count) {
        String p = prefix(prefix);
        Integer n = count(count, 3, MAX_NAMESPACES, "ring 'r', 6");
        if (p == null || n == null || !namesFit(p, n)) return;
        linear(p, n);
        lab.link(p + n, p + 1, null, null, here);
    }

    void mesh(Object prefix, Object count) {
        String p = prefix(prefix);
        Integer n = count(count, 1, MAX_MESH, "mesh 'n', 4");
        if (p == null || n == null || !namesFit(p, n)) return;
        for (int i = 1; i <= n; i++) lab.namespace(p + i, here);
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) lab.link(p + i, p + j, null, null, here);
        }
    }

    /** Each spoke cabled to a bridge {@code br-PREFIX} in the hub, its end there a port of that bridge. */
    void star(Map<String, ?> options, Object prefix, Object count) {
        lab.checkKeys(word, options, here);
        String p = prefix(prefix);
        Integer n = count(count, 1, MAX_NAMESPACES, "star 'h', 8, hub: 'sw'");
        String hub = options.containsKey("hub") ? Text.of(options.get("hub")) : "sw";
        if (p == null || n == null || hub == null || !namesFit(p, n)) return;
        String bridgeName = "br-" + p;
        if (!fits(bridgeName) || !fits(hub)) {
            String longest = fits(bridgeName) ? hub : bridgeName;
            tooLong(longest, "the hub's bridge is br-PREFIX and each spoke's end is named after the hub");
            return;
        }
        for (int i = 1; i <= n; i++) lab.namespace(p + i, here);
        NamespaceState hubState = lab.namespace(hub, here);
        IfaceState bridge = hubState.declare(bridgeName, here);
        List<String> ports = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            IfaceState port = hubState.reference(p + i, here);
            port.master = bridgeName;
            port.setAt("master", here);
            ports.add(p + i);
            lab.link(p + i, hub, null, null, here);
        }
        bridge.kind = new DeviceKind.Bridge(ports);
    }

    /** Numbered breadth first: the root is PREFIX1, the children of PREFIXk follow those of PREFIX(k-1). */
    void tree(Map<String, ?> options, Object prefix) {
        lab.checkKeys(word, options, here);
        String p = prefix(prefix);
        Integer depth = required(options, "depth", 1, 20);
        Integer fanout = required(options, "fanout", 1, MAX_NAMESPACES);
        if (p == null || depth == null || fanout == null) return;
        long total = 1;
        long level = 1;
        for (int d = 1; d <= depth; d++) {
            level *= fanout;
            total += level;
            if (total > MAX_NAMESPACES) break;
        }
        if (total > MAX_NAMESPACES) {
            lab.problem(Problem.error(here, "tree '" + p + "', depth: " + depth + ", fanout: " + fanout
                    + " would make more than " + MAX_NAMESPACES + " namespaces", "make depth or fanout smaller"));
            return;
        }
        int n = (int) total;
        if (!namesFit(p, n)) return;
        for (int i = 1; i <= n; i++) lab.namespace(p + i, here);
        for (int child = 2; child <= n; child++) {
            int parent = (child - 2) / fanout + 1;
            lab.link(p + parent, p + child, null, null, here);
        }
    }

    private String prefix(Object prefix) {
        String p = Text.of(prefix);
        if (p == null || p.isEmpty()) {
            lab.problem(Problem.error(here, word + " needs a prefix for the names of its namespaces",
                    "write: " + Words.find(word).map(Words.Word::example).orElse(word)));
            return null;
        }
        return p;
    }

    private Integer count(Object written, int low, int high, String example) {
        Integer n = WholeNumbers.exact(written);
        if (n != null && n >= low && n <= high) return n;
        String what = n == null ? Text.of(written) + " is not a whole number" : n + " is out of range";
        lab.problem(Problem.error(here, word + ": the number of namespaces " + what + "; it may be " + low + " to " + high
                + (word.equals("ring") && n != null && n < 3 ? " (two namespaces make a line: linear)" : ""), "write: " + example));
        return null;
    }

    private Integer required(Map<String, ?> options, String key, int low, int high) {
        if (!options.containsKey(key)) {
            lab.problem(Problem.error(here, word + " needs " + key + ":", "write: tree 'n', depth: 2, fanout: 3"));
            return null;
        }
        Integer n = WholeNumbers.exact(options.get(key));
        if (n != null && n >= low && n <= high) return n;
        lab.problem(Problem.error(here, word + " " + key + ": " + Text.of(options.get(key)) + " is not a whole number from "
                + low + " to " + high, "write: tree 'n', depth: 2, fanout: 3"));
        return null;
    }

    /** Cable ends are named after namespaces, so the longest namespace name must be an interface name too. */
    private boolean namesFit(String prefix, int n) {
        if (fits(prefix + n)) return true;
        tooLong(prefix + n, "each cable's end is named after the namespace at its other end");
        return false;
    }

    private void tooLong(String name, String why) {
        int over = name.getBytes(StandardCharsets.UTF_8).length - MAX_IFNAME;
        lab.problem(Problem.error(here, word + " would name an interface '" + name + "', longer than the "
                + MAX_IFNAME + " bytes Linux allows (" + why + ")", "use a name shorter by " + over
                + (over == 1 ? " byte" : " bytes")));
    }

    private static boolean fits(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length <= MAX_IFNAME;
    }
}
