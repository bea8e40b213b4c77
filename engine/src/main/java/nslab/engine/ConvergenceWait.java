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

    /** What each protocol's daemon is asked through vtysh when its routes are missing. */
    private static final Map<String, String> ASK = Map.of("ospf", "show ip ospf neighbor", "bgp", "show bgp summary",
            "rip", "show ip rip status");

    private final Executor exec;
    private final java.nio.file.Path runDir;

    /** {@code runDir}: where the instances' vty sockets are (null: the daemons are not asked). */
    ConvergenceWait(Executor exec, java.nio.file.Path runDir) {
        this.exec = exec;
        this.runDir = runDir;
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
                        + " has no route to " + String.join(", ", what) + daemonsSay(ns, lacks)));
            }
        }
        return out;
    }

    /**
     * What the daemons of the protocols whose routes are missing say of their neighbours, read
     * through vtysh from the instance's own sockets; or that one does not answer at all.
     */
    private String daemonsSay(String ns, List<DaemonRoutes.Expected> lacks) {
        if (runDir == null) return "";
        StringBuilder sb = new StringBuilder();
        for (String protocol : lacks.stream().map(DaemonRoutes.Expected::protocol).distinct().toList()) {
            String ask = ASK.get(protocol);
            if (ask == null) continue;
            ExecResult r = exec.run(List.of("ip", "netns", "exec", ns, "vtysh", "--vty_socket",
                    DaemonFiles.of(runDir, ns).toString(), "-c", ask), null);
            sb.append("; ").append(protocol).append(" in ").append(ns).append(" ('").append(ask).append("'): ");
            if (!r.ok()) {
                sb.append("no answer, its daemon is not running (its output is in the run log beside the journal)");
            } else {
                sb.append(summary(protocol, r.out()));
            }
        }
        return sb.toString();
    }

    /** The daemon's answer on one line: for OSPF each neighbour with its state, else the lines joined. */
    static String summary(String protocol, String said) {
        List<String> lines = said.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (protocol.equals("ospf")) {
            List<String> neighbours = lines.stream().filter(l -> !l.startsWith("Neighbor ID"))
                    .map(l -> l.split("\\s+")).filter(f -> f.length >= 6)
                    .map(f -> f[0] + " " + f[2] + " on " + f[f.length - 4]).toList();
            return neighbours.isEmpty() ? "no OSPF neighbour at all (no hello answered with matching area, timers and network)"
                    : "neighbours " + String.join(", ", neighbours);
        }
        String joined = String.join(" | ", lines).replaceAll("\\s+", " ");
        return joined.length() > 400 ? joined.substring(0, 400) + " ..." : joined;
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
