package nslab.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import nslab.command.ExitCodes;
import nslab.exec.Executor;
import nslab.engine.ProcessExecutor;
import nslab.model.Lab;
import nslab.model.Namespace;
import picocli.CommandLine.Command;

@Command(name = "pingall", description = "Ping from every namespace with an IPv4 address to every other's first address; a matrix, as in Mininet.")
final class PingallCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    private final Executor exec = new ProcessExecutor(10, argv -> { });

    PingallCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Lab lab = ctx.requireLab();
        if (lab == null) return ExitCodes.INVALID_LAB;
        List<String> live = ctx.kernel.namespaces();
        List<Namespace> alive = new ArrayList<>(lab.created().stream().filter(n -> live.contains(n.name())).toList());
        // host joins the matrix when the lab gives it an address (a host-to-namespace lab)
        lab.namespace(Namespace.HOST).filter(h -> h.firstIpv4().isPresent()).ifPresent(h -> alive.add(0, h));
        if (alive.isEmpty()) {
            ctx.out.println("pingall: none of the lab's namespaces is live: apply builds them");
            ctx.out.flush();
            return ExitCodes.USAGE;
        }
        // The hosts, as in Mininet: namespaces with an IPv4 address. One without (a namespace that
        // only holds a bridge, say) can neither answer nor send a ping, so it is named, not tested.
        Map<String, String> targets = new LinkedHashMap<>();
        for (Namespace n : alive) n.firstIpv4().ifPresent(a -> targets.put(n.name(), a.prefix().addressText()));
        List<Namespace> sources = alive.stream().filter(n -> targets.containsKey(n.name())).toList();
        ctx.out.println("*** Ping: testing reachability between " + sources.size() + " namespaces");
        List<String> without = alive.stream().map(Namespace::name).filter(n -> !targets.containsKey(n)).toList();
        if (!without.isEmpty()) ctx.out.println("*** without an IPv4 address, not pinged: " + String.join(", ", without));
        ctx.out.flush();
        // all pings at once: a lost one costs its full timeout, and they do not disturb each other
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(16, Math.max(1, sources.size() * targets.size())));
        Map<String, List<CompletableFuture<Boolean>>> rows = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(targets.keySet());
        try {
            for (Namespace from : sources) {
                List<CompletableFuture<Boolean>> row = new ArrayList<>();
                for (String to : columns) {
                    if (to.equals(from.name())) {
                        row.add(null);
                        continue;
                    }
                    List<String> ping = List.of("ping", "-c", "1", "-W", "1", targets.get(to));
                    List<String> argv = new ArrayList<>();
                    if (!Namespace.HOST.equals(from.name())) argv.addAll(List.of("ip", "netns", "exec", from.name()));
                    argv.addAll(ping);
                    row.add(CompletableFuture.supplyAsync(() -> exec.run(argv, null).ok(), pool));
                }
                rows.put(from.name(), row);
            }
            int sent = 0;
            int received = 0;
            for (Map.Entry<String, List<CompletableFuture<Boolean>>> e : rows.entrySet()) {
                StringBuilder line = new StringBuilder(e.getKey()).append(" ->");
                for (int i = 0; i < columns.size(); i++) {
                    CompletableFuture<Boolean> f = e.getValue().get(i);
                    if (f == null) continue;
                    sent++;
                    boolean ok = f.join();
                    if (ok) received++;
                    line.append(' ').append(ok ? columns.get(i) : "X");
                }
                if (columns.size() == 0 || (columns.size() == 1 && columns.contains(e.getKey()))) line.append(" (no targets)");
                ctx.out.println(line);
                ctx.out.flush();
            }
            int dropped = sent == 0 ? 0 : Math.round(100f * (sent - received) / sent);
            ctx.out.println("*** Results: " + dropped + "% dropped (" + received + "/" + sent + " received)");
            ctx.out.flush();
            return received == sent ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
        } finally {
            pool.shutdownNow();
        }
    }
}
