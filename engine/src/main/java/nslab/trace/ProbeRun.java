package nslab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nslab.exec.ExecResult;
import nslab.exec.Executor;

/**
 * Sends the probe (once more, by the tracer, when it gets no answer where the walk expects one) and counts it at every namespace with the
 * kernel's own rule counters: for the time of the probe each namespace gets four rules without a
 * target (they only count), in {@code raw PREROUTING} (the packet arrived here) and
 * {@code mangle POSTROUTING} (it left), for the probe and for its answer. They match the probe alone (an echo of {@link Probe#PING_PAYLOAD}
 * bytes, or the port), not by address, so a masqueraded packet is still counted. They are taken
 * out again at once. iptables works inside a user + network namespace, where nftables tracing
 * would need a monitor process per namespace.
 */
final class ProbeRun implements AutoCloseable {
    static final String TAG = "nslab-trace";
    static final String[] COUNTERS = {"there-in", "there-out", "back-in", "back-out"};

    /** Whether the probe got its answer, and per namespace the four counts. */
    record Result(boolean answered, Map<String, long[]> counts) {
        long count(String ns, int which) {
            long[] c = counts.get(ns);
            return c == null ? -1 : c[which];
        }
    }

    private final Executor exec;
    private final Probe probe;
    private final List<Integer> ports;
    private final List<String> counted = new ArrayList<>();
    private boolean answered;

    /** Puts the counting rules into each namespace; {@link #close} takes them out. */
    ProbeRun(Executor exec, List<String> namespaces, Probe probe, List<Integer> ports) {
        this.exec = exec;
        this.probe = probe;
        this.ports = List.copyOf(ports);
        for (String ns : namespaces) {
            if (exec.run(LiveReadings.in(ns, restore(probe), "--noflush"), rules(probe, ports, "-I")).ok()) counted.add(ns);
        }
    }

    /**
     * Sends the probe once, waiting a second for its answer: inside one machine an answer takes microseconds, and
     * an ARP request that goes unanswered for a second is not answered later. Whether this or an earlier send got it.
     */
    boolean send(String from, String address) {
        answered |= exec.run(LiveReadings.in(from, argv(address, probe)), null).ok();
        if (probe.kind() == Probe.Kind.UDP) pause();
        return answered;
    }

    /** What the sends did: answered or not, and the counts per namespace. */
    Result result() {
        Map<String, long[]> counts = new HashMap<>();
        for (String ns : counted) counts.put(ns, read(ns, probe));
        return new Result(answered, counts);
    }

    @Override
    public void close() {
        for (String ns : counted) exec.run(LiveReadings.in(ns, restore(probe), "--noflush"), rules(probe, ports, "-D"));
    }

    private static String restore(Probe probe) {
        return probe.v6() ? "ip6tables-restore" : "iptables-restore";
    }

    private static String[] argv(String address, Probe probe) {
        return switch (probe.kind()) {
            case ICMP -> {
                List<String> a = new ArrayList<>(List.of("ping", probe.v6() ? "-6" : "-4", "-c", "1", "-W", "1",
                        "-s", String.valueOf(Probe.PING_PAYLOAD)));
                if (probe.dev() != null) a.addAll(List.of("-I", probe.dev()));
                a.add(address);
                yield a.toArray(String[]::new);
            }
            case TCP -> new String[] {"timeout", "1", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + probe.port()};
            case UDP -> new String[] {"bash", "-c", "echo " + TAG + " >/dev/udp/" + address + "/" + probe.port()};
        };
    }

    /**
     * The four counting rules, to insert ({@code -I}) or delete ({@code -D}), as iptables-restore input; for a port,
     * four per port the connection has on its way (the probe's, and those a DNAT of the lab gives it).
     */
    static String rules(Probe probe, List<Integer> ports, String op) {
        StringBuilder raw = new StringBuilder("*raw\n");
        StringBuilder mangle = new StringBuilder("COMMIT\n*mangle\n");
        for (String[] match : matches(probe, ports)) {
            raw.append(op).append(" PREROUTING -m comment --comment ").append(TAG).append("-there-in ").append(match[0]).append('\n')
                    .append(op).append(" PREROUTING -m comment --comment ").append(TAG).append("-back-in ").append(match[1]).append('\n');
            mangle.append(op).append(" POSTROUTING -m comment --comment ").append(TAG).append("-there-out ").append(match[0]).append('\n')
                    .append(op).append(" POSTROUTING -m comment --comment ").append(TAG).append("-back-out ").append(match[1]).append('\n');
        }
        return raw.append(mangle).append("COMMIT\n").toString();
    }

    private static List<String[]> matches(Probe probe, List<Integer> ports) {
        if (probe.kind() == Probe.Kind.ICMP) {
            String type = probe.v6() ? "-p ipv6-icmp -m icmp6 --icmpv6-type " : "-p icmp -m icmp --icmp-type ";
            String length = " -m length --length " + (Probe.PING_PAYLOAD + 8 + (probe.v6() ? 40 : 20));
            return List.<String[]>of(new String[] {type + (probe.v6() ? 128 : 8) + length, type + (probe.v6() ? 129 : 0) + length});
        }
        String p = probe.kind() == Probe.Kind.TCP ? "tcp" : "udp";
        List<String[]> out = new ArrayList<>();
        for (int port : ports) out.add(new String[] {"-p " + p + " -m " + p + " --dport " + port, "-p " + p + " -m " + p + " --sport " + port});
        return out;
    }

    private long[] read(String ns, Probe probe) {
        long[] counts = new long[4];
        ExecResult r = exec.run(LiveReadings.in(ns, probe.v6() ? "ip6tables-save" : "iptables-save", "-c"), null);
        for (String line : r.out().split("\n")) {
            for (int i = 0; i < COUNTERS.length; i++) {
                if (line.contains(TAG + "-" + COUNTERS[i] + " ") && line.startsWith("[")) {
                    counts[i] += Long.parseLong(line.substring(1, line.indexOf(':')));
                }
            }
        }
        return counts;
    }

    /** A UDP datagram is sent and forgotten; give it a moment to cross the lab. */
    private static void pause() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
