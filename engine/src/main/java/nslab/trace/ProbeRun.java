package nslab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nslab.engine.ExecResult;
import nslab.engine.Executor;

/**
 * Sends the probe (once more when it gets no answer) and counts it at every namespace with the
 * kernel's own rule counters: for the time of the probe each namespace gets four rules without a
 * target (they only count), in {@code raw PREROUTING} (the packet arrived here) and
 * {@code mangle POSTROUTING} (it left), for the probe and for its answer. They match the probe alone (an echo of {@link Probe#PING_PAYLOAD}
 * bytes, or the port), not by address, so a masqueraded packet is still counted. They are taken
 * out again at once. iptables works inside a user + network namespace, where nftables tracing
 * would need a monitor process per namespace.
 */
final class ProbeRun {
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

    ProbeRun(Executor exec) {
        this.exec = exec;
    }

    Result send(List<String> namespaces, String from, String address, Probe probe) {
        List<String> counted = new ArrayList<>();
        try {
            for (String ns : namespaces) {
                if (exec.run(LiveReadings.in(ns, restore(probe), "--noflush"), rules(probe, "-I")).ok()) counted.add(ns);
            }
            // a fresh lab's first packet may wait on ARP longer than the probe waits: one more try, as check does
            boolean answered = exec.run(LiveReadings.in(from, argv(address, probe)), null).ok()
                    || exec.run(LiveReadings.in(from, argv(address, probe)), null).ok();
            if (probe.kind() == Probe.Kind.UDP) pause();
            Map<String, long[]> counts = new HashMap<>();
            for (String ns : counted) counts.put(ns, read(ns, probe));
            return new Result(answered, counts);
        } finally {
            for (String ns : counted) exec.run(LiveReadings.in(ns, restore(probe), "--noflush"), rules(probe, "-D"));
        }
    }

    private static String restore(Probe probe) {
        return probe.v6() ? "ip6tables-restore" : "iptables-restore";
    }

    private static String[] argv(String address, Probe probe) {
        return switch (probe.kind()) {
            case ICMP -> {
                List<String> a = new ArrayList<>(List.of("ping", probe.v6() ? "-6" : "-4", "-c", "1", "-W", "3",
                        "-s", String.valueOf(Probe.PING_PAYLOAD)));
                if (probe.dev() != null) a.addAll(List.of("-I", probe.dev()));
                a.add(address);
                yield a.toArray(String[]::new);
            }
            case TCP -> new String[] {"timeout", "3", "bash", "-c", "exec 3<>/dev/tcp/" + address + "/" + probe.port()};
            case UDP -> new String[] {"bash", "-c", "echo " + TAG + " >/dev/udp/" + address + "/" + probe.port()};
        };
    }

    /** The four counting rules, to insert ({@code -I}) or delete ({@code -D}), as iptables-restore input. */
    static String rules(Probe probe, String op) {
        String[] match = matches(probe);
        return "*raw\n"
                + op + " PREROUTING -m comment --comment " + TAG + "-there-in " + match[0] + "\n"
                + op + " PREROUTING -m comment --comment " + TAG + "-back-in " + match[1] + "\n"
                + "COMMIT\n*mangle\n"
                + op + " POSTROUTING -m comment --comment " + TAG + "-there-out " + match[0] + "\n"
                + op + " POSTROUTING -m comment --comment " + TAG + "-back-out " + match[1] + "\n"
                + "COMMIT\n";
    }

    private static String[] matches(Probe probe) {
        return switch (probe.kind()) {
            case ICMP -> {
                String type = probe.v6() ? "-p ipv6-icmp -m icmp6 --icmpv6-type " : "-p icmp -m icmp --icmp-type ";
                String length = " -m length --length " + (Probe.PING_PAYLOAD + 8 + (probe.v6() ? 40 : 20));
                yield new String[] {type + (probe.v6() ? 128 : 8) + length, type + (probe.v6() ? 129 : 0) + length};
            }
            case TCP -> new String[] {"-p tcp -m tcp --dport " + probe.port(), "-p tcp -m tcp --sport " + probe.port()};
            case UDP -> new String[] {"-p udp -m udp --dport " + probe.port(), "-p udp -m udp --sport " + probe.port()};
        };
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
