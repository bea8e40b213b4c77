package nslab.grow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab that {@code nslab apply --topo linear,5} writes (Mininet's habit: {@code linear,N},
 * {@code ring,N}, {@code star,N}, {@code tree,DEPTH,FANOUT}, {@code mesh,N}): the generator's line,
 * IPv4 and IPv6 pools and {@code routes 'auto'}, and a ping across the lab as its expectation.
 * The numbers are checked where the lab is compiled, as for a lab written by hand.
 */
public final class TopologyLab {
    /** What each kind takes, as the option's help and its errors say it. */
    public static final Map<String, String> KINDS = Map.of(
            "linear", "linear,N", "ring", "ring,N", "star", "star,N", "tree", "tree,DEPTH,FANOUT", "mesh", "mesh,N");
    /** The forms in the order help lists them. */
    public static final List<String> FORMS = List.of("linear,N", "ring,N", "star,N", "tree,DEPTH,FANOUT", "mesh,N");

    /** The line of the written lab that holds the generator. */
    public static final int GENERATOR_LINE = 4;

    /** The file's base name ({@code linear-5}) and its text. */
    public record Generated(String baseName, String text) {}

    private TopologyLab() {}

    /** The lab for {@code spec}, or empty when it is no form of the list (see {@link #FORMS}). */
    public static Optional<Generated> of(String spec) {
        String[] parts = spec.strip().split(",", -1);
        String kind = parts[0].strip();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].strip().matches("\\d{1,6}")) return Optional.empty();
            numbers.add(Integer.parseInt(parts[i].strip()));
        }
        int wanted = kind.equals("tree") ? 2 : 1;
        if (!KINDS.containsKey(kind) || numbers.size() != wanted) return Optional.empty();
        int n = numbers.get(0);
        String line;
        String from;
        String to;
        switch (kind) {
            case "linear" -> {
                line = "linear 'r', " + n;
                from = "r1";
                to = "r" + n;
            }
            case "ring" -> {
                line = "ring 'r', " + n;
                from = "r1";
                to = "r" + (n / 2 + 1);
            }
            case "star" -> {
                line = "star 'h', " + n + ", hub: 'sw'";
                from = "h1";
                to = "h" + n;
            }
            case "tree" -> {
                line = "tree 'n', depth: " + n + ", fanout: " + numbers.get(1);
                from = "n1";
                to = "n" + treeSize(n, numbers.get(1));
            }
            default -> {
                line = "mesh 'n', " + n;
                from = "n1";
                to = "n" + n;
            }
        }
        String base = kind + "-" + String.join("-", numbers.stream().map(String::valueOf).toList());
        StringBuilder text = new StringBuilder();
        text.append("// written by nslab apply --topo ").append(spec.strip()).append(": edit it, and apply it again\n");
        text.append("addresses '10.0.0.0/16'            // a /30 for each cable, a /24 for each bridge LAN\n");
        text.append("addresses '2001:db8::/48'          // a /127 for each cable, a /64 for each bridge LAN\n");
        text.append(line).append('\n');
        text.append("routes 'auto'                      // shortest-path routes, forwarding where paths cross\n");
        if (!from.equals(to)) {
            text.append("\nexpect {\n");
            text.append("    reach '").append(from).append("' to '").append(to).append("'\n");
            text.append("    reach '").append(to).append("' to '").append(from).append("'\n");
            text.append("}\n");
        }
        return Optional.of(new Generated(base, text.toString()));
    }

    /** How many namespaces a tree has; capped, since a larger one is refused where the lab is compiled. */
    private static long treeSize(int depth, int fanout) {
        long total = 1;
        long level = 1;
        for (int d = 1; d <= depth && total <= 1_000_000; d++) {
            level *= fanout;
            total += level;
        }
        return total;
    }
}
