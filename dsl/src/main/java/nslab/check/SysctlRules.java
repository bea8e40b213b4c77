package nslab.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nslab.model.Bounds;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Sysctl;

/**
 * Sysctl keys and values. A network namespace owns only the {@code net.} keys: any other
 * ({@code kernel.hostname}, {@code vm.*}) set through {@code ip netns exec} changes the whole
 * machine, and destroying the lab would not give it back. In {@code host} the same holds unless
 * the author writes {@code hostSysctl}, which says that the machine is meant.
 */
final class SysctlRules implements Rule {

    /** The settings these labs use whose values mean something only in a small range. */
    private static final Map<String, Bounds> KNOWN = Map.of(
            "ip_forward", new Bounds(0, 1), "forwarding", new Bounds(0, 1), "rp_filter", new Bounds(0, 2),
            "accept_local", new Bounds(0, 1), "arp_ignore", new Bounds(0, 8), "arp_announce", new Bounds(0, 2),
            "arp_filter", new Bounds(0, 1), "proxy_arp", new Bounds(0, 1), "disable_ipv6", new Bounds(0, 1));
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d*)?([eE][-+]?\\d+)?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger ULONG_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /**
     * A number must be whole and held by the kernel's widest setting (64 bits), and a setting with
     * a known meaning takes only the values that have one: the kernel stores 3 in rp_filter.
     */
    private static void value(Sysctl s, List<Problem> problems) {
        Bounds known = KNOWN.get(s.key().substring(s.key().lastIndexOf('.') + 1));
        boolean number = NUMBER.matcher(s.value()).matches();
        if (!number) {
            if (known != null) {
                problems.add(Problem.error(s.source(), "sysctl " + s.key() + " takes a number, not '" + s.value() + "'",
                        "write a value from " + known.range()));
            }
            return;
        }
        BigInteger whole;
        try {
            whole = new BigDecimal(s.value()).toBigIntegerExact();
        } catch (ArithmeticException e) {
            problems.add(Problem.error(s.source(), "sysctl " + s.key() + " value " + s.value() + " is not a whole number",
                    "write a whole number" + (known != null ? " from " + known.range() : "")));
            return;
        }
        if (!s.value().matches("-?\\d+")) {
            problems.add(Problem.error(s.source(), "sysctl " + s.key() + " value " + s.value() + " is written in a form"
                    + " the kernel does not read", "write it as plain digits: " + whole));
        } else if (known != null && !known.holds(whole.max(LONG_MIN).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue())) {
            problems.add(Problem.error(s.source(), "sysctl " + s.key() + " value " + s.value() + " is out of range",
                    "write a value from " + known.range()));
        } else if (whole.compareTo(LONG_MIN) < 0 || whole.compareTo(ULONG_MAX) > 0) {
            problems.add(Problem.error(s.source(), "sysctl " + s.key() + " value " + s.value() + " is larger than any"
                    + " kernel setting holds", "write a number that fits in 64 bits"));
        }
    }

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (Sysctl s : ns.sysctls()) {
                String keyProblem = Carriable.problem(s.key());
                if (keyProblem != null || s.key().contains("=")) {
                    problems.add(Problem.error(s.source(), "sysctl key '" + s.key() + "' "
                                    + (keyProblem != null ? keyProblem : "holds '='"),
                            "write a key such as 'net.ipv4.conf.all.rp_filter'"));
                } else if (s.machineWide() && !ns.host()) {
                    problems.add(Problem.error(s.source(), "hostSysctl sets a setting of the whole machine and belongs"
                            + " in the host block, not in " + ns.name(), "write it inside host { }, or use sysctl for a"
                            + " net. key of " + ns.name()));
                } else if (!s.machineWide() && !s.key().startsWith("net.")) {
                    problems.add(Problem.error(s.source(), "sysctl '" + s.key() + "' is not a setting of "
                                    + (ns.host() ? "the host's network" : "namespace " + ns.name())
                                    + ": a network namespace owns only the net. keys, and this one would change the whole"
                                    + " machine", ns.host() ? "if the machine's setting is meant, write hostSysctl '"
                                    + s.key() + "', " + s.value() : "use a net. key, e.g. 'net.ipv4.conf.all.rp_filter'"));
                }
                String valueProblem = Carriable.problem(s.value());
                if (valueProblem != null) {
                    problems.add(Problem.error(s.source(), "sysctl value '" + s.value() + "' of " + s.key() + " "
                            + valueProblem, "write one word, such as 0, 1 or 'cubic'"));
                } else {
                    value(s, problems);
                }
            }
        }
    }
}
