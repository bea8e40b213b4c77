package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nslab.plan.Operation;
import nslab.plan.Step;
import nslab.plan.Tool;

/**
 * Groups plan steps into as few processes as the tools allow, in an order the kernel accepts.
 * <p>
 * The order, in waves whose batches do not depend on each other:
 * <ol>
 * <li>the namespaces, in one {@code ip -batch -} of their own: each is identified in the journal
 *     before anything is made in it or reaches into it, so that no crash leaves a device the
 *     journal could only know by its name inside a namespace it cannot tell from another;</li>
 * <li>every other root-namespace {@code ip} step in one {@code ip -batch -}: the veths the planner
 *     creates from the root namespace straight into their namespaces, then the host's own devices,
 *     addresses and routes (nothing in the root namespace depends on a thing done inside a lab
 *     namespace);</li>
 * <li>each namespace's {@code ip} steps, all phases in plan order, in one {@code ip -n NS -batch -}
 *     (its devices, addresses, links, routes only need what wave 1 made and what it makes
 *     itself);</li>
 * <li>per namespace, one {@code sysctl -w} with all its settings, one {@code iptables-restore
 *     --noflush}, one {@code tc -batch -} (interfaces exist by now);</li>
 * <li>the {@code run} commands, one process each, once everything else is built.</li>
 * </ol>
 */
public final class Batcher {

    /** A batch of plan steps: the batch, and the index in the step list of each of its commands. */
    public record Unit(Batch batch, Step run, List<Integer> stepIndexes) {
        public boolean isRun() {
            return run != null;
        }
    }

    /** The waves in order; the units of one wave may run in parallel. */
    public List<List<Unit>> waves(List<Step> steps) {
        List<Unit> hostIp = new ArrayList<>();
        Map<String, List<Integer>> nsIp = new LinkedHashMap<>();
        Map<String, List<Integer>> other = new LinkedHashMap<>();
        List<Unit> runs = new ArrayList<>();
        List<Integer> hostIpIdx = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            Operation o = s.operation();
            if (o.tool() == Tool.RUN || s.background()) {
                runs.add(new Unit(null, s, List.of(i)));
            } else if (o.tool() == Tool.IP && o.at() == null) {
                hostIpIdx.add(i);
            } else if (o.tool() == Tool.IP) {
                nsIp.computeIfAbsent(o.at(), k -> new ArrayList<>()).add(i);
            } else {
                other.computeIfAbsent(o.tool() + "\0" + Objects.toString(o.at(), ""), k -> new ArrayList<>()).add(i);
            }
        }
        List<List<Unit>> waves = new ArrayList<>();
        List<Integer> namespaces = hostIpIdx.stream().filter(i -> steps.get(i).effect().createdNamespace() != null).toList();
        List<Integer> hostRest = hostIpIdx.stream().filter(i -> steps.get(i).effect().createdNamespace() == null).toList();
        if (!namespaces.isEmpty()) waves.add(List.of(unit(steps, namespaces)));
        if (!hostRest.isEmpty()) {
            hostIp.add(unit(steps, hostRest));
            waves.add(hostIp);
        }
        List<Unit> wave2 = new ArrayList<>();
        nsIp.values().forEach(idx -> wave2.add(unit(steps, idx)));
        if (!wave2.isEmpty()) waves.add(wave2);
        List<Unit> wave3 = new ArrayList<>();
        other.values().forEach(idx -> wave3.add(unit(steps, idx)));
        if (!wave3.isEmpty()) waves.add(wave3);
        // run commands one after another, each its own wave: they start in plan order
        for (Unit r : runs) waves.add(List.of(r));
        return waves;
    }

    private static Unit unit(List<Step> steps, List<Integer> idx) {
        Operation first = steps.get(idx.get(0)).operation();
        List<Operation> operations = new ArrayList<>();
        for (int i : idx) operations.add(steps.get(i).operation());
        return new Unit(new Batch(first.tool(), first.at(), operations, false), null, List.copyOf(idx));
    }

    /**
     * Undo operations, already in the order they must run, as batches: consecutive operations of
     * one tool in one namespace share a process; iptables rules are deleted one by one (one that is
     * already gone must not keep the others). Batches are tolerant: undoing goes on past a failure.
     */
    public List<Batch> undoBatches(List<Operation> undo) {
        List<Batch> out = new ArrayList<>();
        List<Operation> run = new ArrayList<>();
        for (Operation o : undo) {
            if (o.tool() == Tool.RUN) continue;
            boolean joins = !run.isEmpty() && o.tool() != Tool.IPTABLES && run.get(0).tool() == o.tool()
                    && Objects.equals(run.get(0).at(), o.at());
            if (!joins && !run.isEmpty()) {
                out.add(new Batch(run.get(0).tool(), run.get(0).at(), run, true));
                run = new ArrayList<>();
            }
            run.add(o);
        }
        if (!run.isEmpty()) out.add(new Batch(run.get(0).tool(), run.get(0).at(), run, true));
        return out;
    }
}
