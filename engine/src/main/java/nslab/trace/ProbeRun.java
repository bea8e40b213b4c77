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
 * {@code mangle POSTROUTING} (it left), for the probe and for its answer. They match the probe alone (an echo of its
 * slot's size, or the port), not by address, so a masqueraded packet is still counted. They are taken
 * out again at once. iptables works inside a user + network namespace, where nftables tracing
 * would need a monitor process per namespace.
 * <p>
 * Traces run side by side in different slots: slot N's echo is {@link Probe#PING_PAYLOAD} - N bytes and its
 * rules carry N in their comment, so neither counts the other's probe.
 */
final class ProbeRun implements AutoCloseable {
    static final String TAG = "nslab-trace";
    /** How many ICMP probes can be told apart at once (payloads 48 down to 17 bytes). */
    public static final int SLOTS = 32;
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
    private final int slot;
    private final List<String> counted = new ArrayList<>();
    private boolean answered;

    /** Puts the counting rules into each namespace; {@link #close} takes them out. */
    ProbeRun(Executor exec, List<String> namespaces, Probe probe, List<Integer> ports, int slot) {
        if (slot < 0 || slot >= SLOTS) throw new IllegalArgumentException("probe slot " + slot);
        this.exec = exec;
        this.probe = probe;
        this.ports = List.copyOf(ports);
        this.slot = slot;
        for (String ns : namespaces) {
            if (exec.run(LiveReadings.in(ns, restore(probe), "--noflush", "-w"), rules(probe, ports, "-I", slot)).ok()) counted.add(ns);
        }
    }

    /**
     * Sends the probe once and waits for its answer: an ICMP echo {@code patient}ly a second (inside one machine an
     * answer takes microseconds, and an ARP request that goes unanswered for a second is not answered later), else
     * 0.2 s, where a ping just went unanswered for a second and the probe is sent to be counted on its way. Whether
     * this or an earlier send got it.
     */
    boolean send(String from, String address, boolean patient) {
        answered |= exec.run(LiveReadings.in(from, argv(address, probe, slot, patient)), null).ok();
        if (probe.kind() == Probe.Kind.UDP) pause();
        return answered;
    }

    /** What the sends did: answered or not, and the counts per namespace. */
    Result result() {
        Map<String, long[]> counts = new HashMap<>();
        for (String ns : counted) counts.put(ns, read(ns, probe, slot));
        return new Result(answered, counts);
    }

    @Override
    public void close() {
        for (String ns : counted) exec.run(LiveReadings.in(ns, restore(probe), "--noflush", "-w"), rules(probe, ports, "-D", slot));
    }

    private static String restore(Probe probe) {
        return probe.v6() ? "ip6tables-restore" : "iptables-restore";
    }

    /** The ICMP echo's payload in this slot. */
    static int payload(int slot) {
        return Probe.PING_PAYLOAD - slot;
    }

    /** The comment that names a counting rule of this slot ({@code nslab-trace-there-in} in slot 0). */
    private static String tag(int slot, String counter) {
        return TAG + (slot == 0 ? "" : "-" + slot) + "-" + counter;
    }

    private static String[] argv(String address, Probe probe, int slot, boolean patient) {
        return switch (probe.kind()) {
            case ICMP -> {
                List<String> a = new ArrayList<>(List.of("ping", probe.v6() ? "-6" : "-4", "-c", "1", "-W", patient ? "1" : "0.2",
                        "-s", String.valueOf(payload(slot))));
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
    static String rules(Probe probe, List<Integer> ports, String op, int slot) {
        StringBuilder raw = new StringBuilder("*raw\n");
        StringBuilder mangle = new StringBuilder("COMMIT\n*mangle\n");
        for (String[] match : matches(probe, ports, slot)) {
            raw.append(op).append(" PREROUTING -m comment --comment ").append(tag(slot, "there-in ")).append(match[0]).append('\n')
                    .append(op).append(" PREROUTING -m comment --comment ").append(tag(slot, "back-in ")).append(match[1]).append('\n');
            mangle.append(op).append(" POSTROUTING -m comment --comment ").append(tag(slot, "there-out ")).append(match[0]).append('\n')
                    .append(op).append(" POSTROUTING -m comment --comment ").append(tag(slot, "back-out ")).append(match[1]).append('\n');
        }
        return raw.append(mangle).append("COMMIT\n").toString();
    }

    private static List<String[]> matches(Probe probe, List<Integer> ports, int slot) {
        if (probe.kind() == Probe.Kind.ICMP) {
            String type = probe.v6() ? "-p ipv6-icmp -m icmp6 --icmpv6-type " : "-p icmp -m icmp --icmp-type ";
            String length = " -m length --length " + (payload(slot) + 8 + (probe.v6() ? 40 : 20));
            return List.<String[]>of(new String[] {type + (probe.v6() ? 128 : 8) + length, type + (probe.v6() ? 129 : 0) + length});
        }
        String p = probe.kind() == Probe.Kind.TCP ? "tcp" : "udp";
        List<String[]> out = new ArrayList<>();
        for (int port : ports) out.add(new String[] {"-p " + p + " -m " + p + " --dport " + port, "-p " + p + " -m " + p + " --sport " + port});
        return out;
    }

    private long[] read(String ns, Probe probe, int slot) {
        long[] counts = new long[4];
        ExecResult r = exec.run(LiveReadings.in(ns, probe.v6() ? "ip6tables-save" : "iptables-save", "-c"), null);
        for (String line : r.out().split("\n")) {
            for (int i = 0; i < COUNTERS.length; i++) {
                if (line.contains(tag(slot, COUNTERS[i]) + " ") && line.startsWith("[")) {
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
