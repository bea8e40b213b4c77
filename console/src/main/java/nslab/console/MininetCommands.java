package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.engine.ProcessExecutor;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.web.Cables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import nslab.exec.ProcessLauncher;

/** The commands a Mininet user types first: nodes, links (net), dump, link A B up|down, iperf A B. */
final class MininetCommands {
    private MininetCommands() {}

    @Command(name = "nodes", description = "The namespaces of the lab (Mininet's nodes), host first.")
    static final class Nodes implements Callable<Integer> {
        private final ConsoleContext ctx;

        Nodes(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.requireLab();
            if (lab == null) return ExitCodes.INVALID_LAB;
            List<String> names = new ArrayList<>(List.of(Namespace.HOST));
            names.addAll(ctx.session.namespaceNames());
            ctx.out.println("available nodes are:");
            ctx.out.println(String.join(" ", names));
            ctx.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "links", aliases = "net", description = "Each cable (veth pair) with both ends and their state, as the kernel reports it.")
    static final class Links implements Callable<Integer> {
        private final ConsoleContext ctx;
        private final Executor exec = new ProcessExecutor(5, argv -> { });

        Links(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.requireLab();
            if (lab == null) return ExitCodes.INVALID_LAB;
            Cables cables = Cables.of(lab);
            if (cables.all().isEmpty()) ctx.out.println("the lab has no cables (veth pairs)");
            for (Cables.Cable c : cables.all()) {
                ctx.out.println(c.a() + " <-> " + c.b() + " (" + state(c.a()) + " " + state(c.b()) + ")");
            }
            ctx.out.flush();
            return ExitCodes.OK;
        }

        /** UP, DOWN, LOWERLAYERDOWN... from ip -br link; "not live" when the kernel has no such interface. */
        private String state(Cables.End end) {
            List<String> argv = Namespace.HOST.equals(end.namespace())
                    ? List.of("ip", "-br", "link", "show", "dev", end.iface())
                    : List.of("ip", "-n", end.namespace(), "-br", "link", "show", "dev", end.iface());
            ExecResult r = exec.run(argv, null);
            if (!r.ok()) return "not live";
            String[] fields = r.out().strip().split("\\s+");
            return fields.length > 1 ? fields[1] : "?";
        }
    }

    @Command(name = "dump", description = "Every namespace of the lab with its interfaces and addresses (ip -br addr).")
    static final class Dump implements Callable<Integer> {
        private final ConsoleContext ctx;

        Dump(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.requireLab();
            if (lab == null) return ExitCodes.INVALID_LAB;
            for (String ns : ctx.session.namespaceNames()) {
                ctx.out.println("<" + ns + ">");
                ctx.out.flush();
                if (ctx.kernel.namespaceExists(ns)) ctx.runIn(ns, List.of("ip", "-br", "addr"));
                else ctx.out.println("  not live: apply builds it");
            }
            ctx.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "link", description = "Take both ends of the cable between A and B down or up, at runtime.")
    static final class Link implements Callable<Integer> {
        private final ConsoleContext ctx;
        @Parameters(index = "0", paramLabel = "A", description = "a namespace") String a;
        @Parameters(index = "1", paramLabel = "B", description = "the namespace at the other end") String b;
        @Parameters(index = "2", paramLabel = "up|down", description = "the state to set") String state;

        Link(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.requireLab();
            if (lab == null) return ExitCodes.INVALID_LAB;
            if (!state.equals("up") && !state.equals("down")) {
                ctx.out.println("link: the state is up or down, not '" + state + "'");
                ctx.out.flush();
                return ExitCodes.USAGE;
            }
            Optional<Cables.Cable> cable = Cables.of(lab).between(a, b);
            if (cable.isEmpty()) {
                ctx.out.println("link: no cable between " + a + " and " + b + " (links lists them)");
                ctx.out.flush();
                return ExitCodes.USAGE;
            }
            int status = 0;
            for (Cables.End end : List.of(cable.get().a(), cable.get().b())) {
                ctx.out.println("+ ip -n " + end.namespace() + " link set dev " + end.iface() + " " + state);
                ctx.out.flush();
                status |= ctx.runIn(end.namespace(), List.of("ip", "link", "set", "dev", end.iface(), state));
            }
            if (status == 0 && state.equals("up")) status = restoreRoutes(lab, cable.get());
            return status == 0 ? ExitCodes.OK : ExitCodes.APPLY_FAILED;
        }

        /**
         * The kernel drops a namespace's routes through an interface that goes down and does not
         * bring them back with it: the lab's routes in the two namespaces are put back as apply
         * puts back drift (journaled, each command shown as it runs).
         */
        private int restoreRoutes(Lab lab, Cables.Cable cable) {
            nslab.plan.Plan plan = ctx.session.plan();
            if (plan == null || !ctx.engine.isLive(lab.name())) return 0;
            nslab.engine.ApplyResult r = nslab.web.CableSwitch.putBackRoutes(ctx.engine, plan, cable);
            ctx.kernel.changed();
            if (!r.ok()) {
                ctx.out.println("link: the routes that went with the link could not be put back: " + nslab.command.Reports.refusal(r));
                ctx.out.flush();
                return 1;
            }
            if (!r.ran().isEmpty()) ctx.out.println("link: put back " + r.ran().size() + (r.ran().size() == 1 ? " route" : " routes") + " of the lab that went down with the link");
            ctx.out.flush();
            return 0;
        }
    }

    @Command(name = "iperf", description = "Throughput from A to B: an iperf3 server in B for one test, the client in A; nothing is left running.")
    static final class Iperf implements Callable<Integer> {
        private final ConsoleContext ctx;
        @Parameters(index = "0", paramLabel = "A", description = "the client's namespace") String a;
        @Parameters(index = "1", paramLabel = "B", description = "the server's namespace") String b;

        Iperf(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() throws Exception {
            Lab lab = ctx.requireLab();
            if (lab == null) return ExitCodes.INVALID_LAB;
            String target = Targets.resolve(lab, b);
            List<String> server = ctx.inNamespace(b, List.of("iperf3", "-s", "-1"));
            if (server == null) return ExitCodes.USAGE;
            ProcessLauncher.Running p = ProcessLauncher.of(server).inBackground();
            try {
                Thread.sleep(300); // the server listening before the client connects
                ctx.out.println("*** Iperf: testing TCP bandwidth from " + a + " to " + b + " (" + target + ")");
                ctx.out.flush();
                return ctx.runIn(a, List.of("iperf3", "-c", target, "-t", "1", "-f", "m"));
            } finally {
                p.stop(2);
            }
        }
    }
}
