package nslab.engine;

import java.util.ArrayList;
import java.util.List;
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

/**
 * Runs a lab's expectations: one {@code ping -c1 -W1} from the namespace to the target, tried a
 * few times when it should answer (the first packet of a fresh lab waits on ARP or neighbour
 * discovery), {@code -6} for IPv6 targets. A namespace name as target stands for its first IPv4
 * address (or its first address when it has no IPv4 one).
 */
public final class Checker {
    /** Attempts for a ping that should get through; one that should not is tried twice. */
    static final int ATTEMPTS = 3;

    private final Executor exec;

    public Checker(Executor exec) {
        this.exec = exec;
    }

    public List<CheckResult> check(Lab lab) {
        List<Expectation> all = lab.expectations();
        if (all.isEmpty()) return List.of();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, all.size()));
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
        int attempts = e.reachable() ? ATTEMPTS : 2;
        ExecResult r = null;
        for (int i = 0; i < attempts; i++) {
            r = exec.run(argv, null);
            if (r.ok()) return new CheckResult(e, address, true, null, probe(r));
            if (r.err().contains("Cannot open network namespace") || r.err().contains("No such file")) {
                return new CheckResult(e, address, false, "namespace " + e.from() + " is not there (apply first)", probe(r));
            }
        }
        return new CheckResult(e, address, false, null, probe(r));
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
