package nslab.plan;

import java.util.ArrayList;
import java.util.List;
import nslab.model.Namespace;
import nslab.model.Source;

/**
 * The steps that start a namespace's FRR daemons, as {@code run} processes: the first writes the
 * configuration and becomes zebra, each other daemon waits for zebra's socket and becomes itself
 * ({@code exec}, so the journal's PID is the daemon's). Every file of the instance (configuration,
 * pid files, zebra's socket, the vty sockets) is in {@code frr/NS} of nslab's run directory, which
 * destroy and a rollback remove with the namespace; each daemon's crash-log folder is a tmpfs of its
 * own on {@code /var/tmp} (of its own mount namespace, from {@code ip netns exec}), because FRR names
 * it by PID alone, which daemons in several PID namespaces share.
 * <p>
 * The daemons run as root with the group {@code frrvty}, which FRR requires of the user it runs
 * as; so the user namespace they run in must map group frrvty (a root-only map does not).
 */
public final class FrrPlanner {
    /** Where Debian's package frr installs the daemons. */
    public static final String DAEMONS = "/usr/lib/frr";
    /** The instance folder, as the shell of a run step reads it (the engine sets NSLAB_RUN_DIR). */
    static String folder(String ns) {
        return "${NSLAB_RUN_DIR:-/run/nslab}/frr/" + ns;
    }

    public List<Step> steps(Namespace ns) {
        FrrConfig config = FrrConfig.of(ns);
        List<Step> steps = new ArrayList<>();
        Source first = firstLine(ns);
        String d = "d=\"" + folder(ns.name()) + "\"\n";
        String zebra = d + "mkdir -p \"$d\" && cat >\"$d/frr.conf.new\" <<'EOF' && mv \"$d/frr.conf.new\" \"$d/frr.conf\" || exit 1\n"
                + config.text() + "EOF\n" + start("zebra");
        StringBuilder meaning = new StringBuilder("writes " + ns.name() + "'s FRR configuration to " + folder(ns.name())
                + "/frr.conf and starts zebra, which hands the routes the daemons choose to the kernel (running as root"
                + " with group frrvty, its vty socket and pid file in that folder); the configuration:");
        for (FrrConfig.Line l : config.lines()) {
            if (!l.meaning().isEmpty()) meaning.append('\n').append("  ").append(l.text().strip()).append(": ").append(l.meaning());
        }
        steps.add(step(ns, zebra, first, meaning.toString()));
        for (String daemon : config.daemons()) {
            if (daemon.equals("zebra")) continue;
            String script = d + "i=0; until [ -S \"$d/zserv.api\" ]; do i=$((i+1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done\n"
                    + start(daemon);
            steps.add(step(ns, script, lineOf(ns, daemon, first), "starts " + daemon + " in " + ns.name() + " once zebra"
                    + " listens: it reads its part of frr.conf and gives zebra the routes it learns"));
        }
        return steps;
    }

    private static Step step(Namespace ns, String script, Source source, String meaning) {
        return new Step(Phase.RUN, Command.of(ns.name(), Tool.RUN, List.of(script)), null, source, meaning, true)
                .with(Effect.process(ns.name()));
    }

    /** The lines that start one daemon: its files in the instance folder, no TCP vty, a crash-log tmpfs. */
    private static String start(String daemon) {
        return "mount -t tmpfs nslab-frr /var/tmp || exit 1\n"
                + "exec " + DAEMONS + "/" + daemon + " -f \"$d/frr.conf\" -i \"$d/" + daemon + ".pid\" -z \"$d/zserv.api\""
                + " --vty_socket \"$d\" -P 0 -u root -g frrvty";
    }

    private static Source firstLine(Namespace ns) {
        var r = ns.routing();
        List<Source> all = new ArrayList<>();
        if (r.ospf() != null) all.add(r.ospf().source());
        if (r.bgp() != null) all.add(r.bgp().source());
        r.raw().forEach(x -> all.add(x.source()));
        return all.stream().min(java.util.Comparator.comparing(Source::file).thenComparingInt(Source::line)).orElse(ns.source());
    }

    private static Source lineOf(Namespace ns, String daemon, Source fallback) {
        var r = ns.routing();
        if (daemon.equals("ospfd") && r.ospf() != null) return r.ospf().source();
        if (daemon.equals("bgpd") && r.bgp() != null) return r.bgp().source();
        return r.raw().isEmpty() ? fallback : r.raw().get(0).source();
    }
}
