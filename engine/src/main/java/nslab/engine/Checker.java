package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nslab.model.Address;
import nslab.model.Expectation;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.render.ShellQuoting;
import nslab.exec.Executor;
import nslab.exec.ExecResult;
import nslab.exec.LiveState;

/**
 * Runs a lab's expectations, all side by side: one {@code ping -c1 -W1} from the namespace to the
 * target ({@code -6} for IPv6 targets). A ping without an answer is tried once more only when a
 * namespace of the lab was still resolving a neighbour (an entry in state INCOMPLETE: the first
 * packet of a fresh lab waits on ARP or neighbour discovery), and only once those entries have been answered;
 * nothing else is waited for, so a failing expectation costs one ping's wait. A namespace name as
 * target stands for its first IPv4 address (or its first address when it has no IPv4 one).
 */
public final class Checker {
    /** How long a still-resolving neighbour may take to be answered before the retry is given up. */
    static final long RESOLVING_MILLIS = 300;
    /**
     * The same right after apply: a big lab's interfaces and bridge ports start passing packets
     * only as the kernel gets round to their carrier events (on a 500-port star, up to 2 s).
     */
    static final long FRESH_RESOLVING_MILLIS = 2500;
    static final long POLL_MILLIS = 50;
    /** Up to this many namespaces, a failed ping looks for neighbours being resolved in all of the lab's. */
    static final int NAMESPACES_LOOKED_AT = 32;

    private final Executor exec;
    private final long resolvingMillis;
    private final boolean fresh;

    /** Where FRR's instances keep their sockets, for the daemons' own word when a lab does not converge. */
    private java.nio.file.Path runDir;

    public Checker(Executor exec) {
        this(exec, false);
    }

    /** This checker, asking a lab's FRR instances under {@code runDir} why they have not converged. */
    Checker daemonsIn(java.nio.file.Path runDir) {
        this.runDir = runDir;
        return this;
    }

    /** {@code fresh}: the lab was applied a moment ago, and a neighbour may take longer to answer. */
    public Checker(Executor exec, boolean fresh) {
        this.exec = exec;
        this.resolvingMillis = fresh ? FRESH_RESOLVING_MILLIS : RESOLVING_MILLIS;
        this.fresh = fresh;
    }

    public List<CheckResult> check(Lab lab) {
        // the daemons' routes first: the pings that follow travel on them
        List<CheckResult> converged = lab.convergence() == null ? List.of() : new ConvergenceWait(exec, runDir).await(lab);
        List<CheckResult> pings = pings(lab);
        if (converged.isEmpty()) return pings;
        List<CheckResult> out = new ArrayList<>(converged);
        out.addAll(pings);
        return out;
    }

    private List<CheckResult> pings(Lab lab) {
        List<Expectation> all = lab.expectations();
        if (all.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(32, all.size()));
        try {
            List<Future<CheckResult>> futures = new ArrayList<>();
            for (Expectation e : all) futures.add(pool.submit(() -> check(lab, e)));
            List<CheckResult> out = new ArrayList<>();
            for (Future<CheckResult> f : futures) out.add(f.get());
            return out;
        } catch (Exception ex) {
            throw new IllegalStateException("checking expectations: " + ex, ex);
        } finally {
            pool.shutdown();
        }
    }

    CheckResult check(Lab lab, Expectation e) {
        String address = resolve(lab, e.target());
        if (address == null) return new CheckResult(e, null, false, "no address for " + e.target());
        List<String> argv = argv(e, address);
        ExecResult r = exec.run(argv, null);
        if (r.ok()) return new CheckResult(e, address, true, null, probe(r));
        String missing = missing(r, e.from());
        if (missing != null) return new CheckResult(e, address, false, missing, probe(r));
        if (resolved(lab, e.from())) {
            r = exec.run(argv, null);
            if (r.ok()) return new CheckResult(e, address, true, null, probe(r));
        }
        return new CheckResult(e, address, false, null, probe(r));
    }

    /** Why the ping could not run at all (no namespace, no ping program), or null when it ran. */
    static String missing(ExecResult r, String from) {
        String err = r.err() == null ? "" : r.err();
        if (err.contains("Cannot open network namespace")) return "namespace " + from + " is not there (apply first)";
        // ip netns exec: 'exec of "ping" failed: No such file or directory'; run directly: 127
        boolean direct = r.exit() == ProcessExecutor.NOT_FOUND && !r.argv().isEmpty() && r.argv().get(0).equals("ping");
        if (direct || err.contains("exec of \"ping\" failed")) {
            return "ping is not installed (package iputils-ping)";
        }
        return null;
    }

    /**
     * Whether a neighbour was still being resolved after the ping, in the namespace it left or in
     * another of the lab (a router on the way: up to {@link #NAMESPACES_LOOKED_AT}), and all such
     * were then answered within {@link #RESOLVING_MILLIS} ({@link #FRESH_RESOLVING_MILLIS} right
     * after apply): only then is a second ping worth its wait. Right after apply, also when a
     * neighbour was answered in the last second: it was still being resolved while the ping waited
     * (a fresh interface's first neighbour solicitation can be lost, and the second goes a second
     * later).
     */
    boolean resolved(Lab lab, String from) {
        List<String> namespaces = new ArrayList<>(List.of(from));
        List<Namespace> created = lab.created();
        if (created.size() <= NAMESPACES_LOOKED_AT) {
            for (Namespace ns : created) if (!ns.name().equals(from)) namespaces.add(ns.name());
        }
        Map<String, List<String>> waiting = new LinkedHashMap<>();
        for (String ns : namespaces) {
            List<String> incomplete = incomplete(ns);
            if (!incomplete.isEmpty()) waiting.put(ns, incomplete);
        }
        if (waiting.isEmpty()) return fresh && namespaces.stream().anyMatch(this::justResolved);
        boolean answered = false;
        long until = System.nanoTime() + resolvingMillis * 1_000_000;
        while (System.nanoTime() < until) {
            for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
                var w = it.next();
                List<String> now = incomplete(w.getKey());
                if (w.getValue().stream().anyMatch(now::contains)) continue;
                answered |= !neighbours(w.getKey(), "failed").containsAll(w.getValue());
                it.remove();
            }
            if (waiting.isEmpty()) return answered;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** Whether a namespace has a neighbour that became REACHABLE less than a second ago. */
    private boolean justResolved(String ns) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (!Namespace.HOST.equals(ns)) argv.addAll(List.of("-n", ns));
        argv.addAll(List.of("-s", "-j", "neigh", "show"));
        ExecResult r = exec.run(argv, null);
        if (!r.ok()) return false;
        for (Map<String, Object> n : LiveState.objects(r.out())) {
            if (n.get("state") instanceof List<?> st && st.contains("REACHABLE") && n.get("updated") instanceof Number u && u.intValue() == 0) return true;
        }
        return false;
    }

    /** The neighbours of a namespace in state INCOMPLETE (being resolved, no answer yet). */
    List<String> incomplete(String from) {
        return neighbours(from, "incomplete");
    }

    private List<String> neighbours(String from, String state) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (!Namespace.HOST.equals(from)) argv.addAll(List.of("-n", from));
        argv.addAll(List.of("neigh", "show", "nud", state));
        ExecResult r = exec.run(argv, null);
        List<String> out = new ArrayList<>();
        if (!r.ok()) return out;
        for (String line : r.out().split("\n")) if (!line.isBlank()) out.add(line.trim().split("\\s+")[0]);
        return out;
    }

    /** The command as a shell would read it, its exit status, and what it printed. */
    static String probe(ExecResult r) {
        StringBuilder sb = new StringBuilder("$ ").append(ShellQuoting.join(r.argv())).append('\n');
        for (String text : new String[] {r.out(), r.err()}) {
            if (text != null && !text.isBlank()) sb.append(text.strip()).append('\n');
        }
        return sb.append("(exit ").append(r.exit()).append(')').toString();
    }

    static List<String> argv(Expectation e, String address) {
        List<String> argv = new ArrayList<>();
        if (!Namespace.HOST.equals(e.from())) argv.addAll(List.of("ip", "netns", "exec", e.from()));
        argv.add("ping");
        if (address.contains(":")) argv.add("-6");
        argv.addAll(List.of("-c", "1", "-W", "1"));
        if (e.dev() != null) argv.addAll(List.of("-I", e.dev()));
        argv.add(address);
        return argv;
    }

    /** An address as written, or the first address of the namespace it names. */
    static String resolve(Lab lab, String target) {
        if (IpPrefix.isAddress(target)) return target;
        Optional<Namespace> ns = lab.namespace(target);
        if (ns.isEmpty()) return null;
        return ns.get().firstAddress().map(Address::prefix).map(IpPrefix::addressText).orElse(null);
    }
}
