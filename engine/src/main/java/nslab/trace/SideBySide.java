package nslab.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs several traces of one live lab at the same time, so that their probes wait for their answers
 * together: each ICMP trace on a tracer of its own in a slot of its own (see {@link ProbeRun}); TCP and UDP
 * probes are told apart by port only, so those run one after the other. The answers are in the
 * requests' order; a trace that fails gives its exception to the caller, as a single trace would.
 */
public final class SideBySide {
    private SideBySide() {}

    public static List<Trace> trace(Supplier<Tracer> tracers, List<TraceRequest> requests) {
        List<Integer> icmp = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).probe().kind() == Probe.Kind.ICMP) icmp.add(i);
        }
        Trace[] out = new Trace[requests.size()];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(ProbeRun.SLOTS, icmp.size())), r -> {
            Thread t = new Thread(r, "nslab-trace");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int from = 0; from < icmp.size(); from += ProbeRun.SLOTS) {
                List<Future<Trace>> running = new ArrayList<>();
                List<Integer> batch = icmp.subList(from, Math.min(icmp.size(), from + ProbeRun.SLOTS));
                for (int slot = 0; slot < batch.size(); slot++) {
                    TraceRequest r = requests.get(batch.get(slot));
                    int s = slot;
                    running.add(pool.submit(() -> tracers.get().trace(r.from(), r.to(), r.probe(), s, r.unansweredBefore())));
                }
                for (int k = 0; k < batch.size(); k++) out[batch.get(k)] = result(running.get(k));
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < requests.size(); i++) {
            TraceRequest r = requests.get(i);
            if (out[i] == null) out[i] = tracers.get().trace(r.from(), r.to(), r.probe(), 0, r.unansweredBefore());
        }
        return List.of(out);
    }

    private static Trace result(Future<Trace> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }
}
