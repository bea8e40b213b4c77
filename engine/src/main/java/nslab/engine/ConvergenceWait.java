package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.model.Convergence;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.plan.DaemonRoutes;

/**
 * {@code expect { converged within: ... }}: polls each router's kernel table ({@code ip -4 -j
 * route show}) until it holds every route its daemons should install ({@link DaemonRoutes}), with
 * the protocol that installs it, or the time is up; one result per router, naming what is missing.
 */
final class ConvergenceWait {
    static final long POLL_MILLIS = 200;

    private final Executor exec;

    ConvergenceWait(Executor exec) {
        this.exec = exec;
    }

    List<CheckResult> await(Lab lab) {
        Convergence c = lab.convergence();
        Map<String, List<DaemonRoutes.Expected>> expected = DaemonRoutes.of(lab);
        long until = System.nanoTime() + c.seconds() * 1_000_000_000L;
        Map<String, List<DaemonRoutes.Expected>> missing = new LinkedHashMap<>();
        while (true) {
            missing.clear();
            for (var e : expected.entrySet()) {
                List<DaemonRoutes.Expected> lacks = lacking(e.getKey(), e.getValue());
                if (!lacks.isEmpty()) missing.put(e.getKey(), lacks);
            }
            if (missing.isEmpty() || System.nanoTime() > until) break;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<CheckResult> out = new ArrayList<>();
        for (String ns : expected.keySet()) {
            Expectation e = new Expectation(ns, "converged", true, null, c.source());
            List<DaemonRoutes.Expected> lacks = missing.get(ns);
            if (lacks == null) {
                out.add(new CheckResult(e, null, true, null));
            } else {
                List<String> what = lacks.stream().map(x -> x.prefix() + " (" + x.protocol() + ")").toList();
                out.add(new CheckResult(e, null, false, "not converged within " + c.written() + ": " + ns
                        + " has no route to " + String.join(", ", what)));
            }
        }
        return out;
    }

    /** The expected routes the namespace's table does not have, with the protocol expected. */
    private List<DaemonRoutes.Expected> lacking(String ns, List<DaemonRoutes.Expected> wanted) {
        Set<DaemonRoutes.Expected> have = new java.util.HashSet<>();
        for (String protocol : wanted.stream().map(DaemonRoutes.Expected::protocol).distinct().toList()) {
            // one line per route; a route's further next hops follow on indented lines
            ExecResult r = exec.run(List.of("ip", "-n", ns, "-4", "route", "show", "proto", protocol), null);
            if (!r.ok()) continue;
            for (String line : r.out().lines().toList()) {
                if (line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
                String dst = line.split("\\s+")[0];
                have.add(new DaemonRoutes.Expected(dst.contains("/") ? dst : dst + "/32", protocol));
            }
        }
        return wanted.stream().filter(w -> !have.contains(w)).toList();
    }
}
