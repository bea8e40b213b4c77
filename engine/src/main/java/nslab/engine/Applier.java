package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nslab.model.Lab;
import nslab.plan.Command;
import nslab.plan.Plan;
import nslab.plan.Step;
import nslab.plan.Tool;
import nslab.render.ShellQuoting;

/**
 * Builds a plan on the kernel, like a transaction: it looks at what is live first and stops before
 * any change if something that is not the lab's own is in the way; it journals each batch before
 * running it; if a step fails, it undoes everything it did, in reverse. On a lab that is already
 * live it applies only the difference from what the journal says is in effect.
 */
public final class Applier {
    private final Executor exec;
    private final Path runDir;
    private final Consumer<String> verbose;
    private final int parallelism;
    private final Batcher batcher = new Batcher();

    /** {@code verbose} receives each command as it runs (null: quiet). */
    public Applier(Executor exec, Path runDir, Consumer<String> verbose) {
        this.exec = exec;
        this.runDir = runDir;
        this.verbose = verbose;
        // Namespaces' batches are independent; a few at a time hide each process's start-up cost.
        this.parallelism = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors() * 2));
    }

    public ApplyResult apply(Plan plan) {
        Lab lab = plan.lab();
        Journal journal = Journal.open(runDir, lab.name());
        List<Journal.Entry> live = journal.live();
        PlanDiff diff = PlanDiff.of(live, plan.steps());
        if (diff.empty()) {
            return new ApplyResult(ApplyResult.Status.UP_TO_DATE, List.of(), List.of(), List.of(), null);
        }
        List<String> conflicts = conflicts(lab.name(), diff, journal);
        if (!conflicts.isEmpty()) {
            return new ApplyResult(ApplyResult.Status.CONFLICT, List.of(), List.of(), conflicts, null);
        }

        // First take away what the script no longer has (so that a changed route or address can be
        // put back in its new form), and what must be redone because its container goes.
        List<String> undone = new ArrayList<>(undo(journal, diff.remove()));
        journal.mark(diff.redo(), Journal.State.REMOVED);

        Run run = new Run(journal, plan.steps());
        List<Step> ordered = diff.add();
        Failed failed = run.steps(ordered);
        if (failed == null) {
            return new ApplyResult(ApplyResult.Status.APPLIED, run.ranInPlanOrder(), undone, List.of(), null);
        }
        // Roll back what this apply did, then put back what it had taken away.
        undone.addAll(undo(journal, run.added.stream().filter(Journal.Entry::live).toList()));
        boolean restored = true;
        List<Step> putBack = new ArrayList<>();
        for (Journal.Entry e : diff.remove()) putBack.add(e.step);
        for (Journal.Entry e : diff.redo()) putBack.add(e.step);
        if (!putBack.isEmpty()) {
            putBack.sort(Comparator.comparingInt(s -> indexIn(plan.steps(), s, live)));
            restored = new Run(journal, plan.steps()).steps(putBack) == null;
        }
        Step s = failed.step;
        String cmd = s == null ? failed.batchArgv : ShellQuoting.join(s.command().argv());
        String hint = s == null ? "one of the commands of this batch failed; the tool did not say which"
                : KernelMessages.explain(s.command(), failed.message);
        ApplyResult.Failure f = new ApplyResult.Failure(cmd, failed.message, hint,
                s == null ? nslab.model.Source.UNKNOWN : s.source(), s == null ? "" : lab.line(s.source()), restored);
        if (journal.live().isEmpty()) journal.delete();
        return new ApplyResult(ApplyResult.Status.FAILED, run.ranInPlanOrder(), undone, List.of(), f);
    }

    private static int indexIn(List<Step> plan, Step s, List<Journal.Entry> live) {
        for (int i = 0; i < live.size(); i++) if (live.get(i).step == s) return i;
        return Integer.MAX_VALUE;
    }

    /** Undoes journal entries (in the order they were applied) and marks them removed. */
    List<String> undo(Journal journal, List<Journal.Entry> entries) {
        if (entries.isEmpty()) return List.of();
        Teardown t = Teardown.of(entries);
        List<Long> pids = new ArrayList<>(t.pids);
        pids.addAll(new NamespaceProcesses().pids(t.namespaces));
        NamespaceProcesses.stop(pids);
        List<String> lines = new ArrayList<>();
        for (Batch b : batcher.undoBatches(t.commands)) {
            for (Command c : b.commands()) {
                String line = ShellQuoting.join(c.argv());
                lines.add(line);
                if (verbose != null) verbose.accept("- " + line);
            }
            exec.run(b.argv(), b.input()); // tolerant: a thing already gone is fine
        }
        journal.mark(t.undone, Journal.State.REMOVED);
        lines.addAll(dropTablesNoLongerUsed(journal));
        return lines;
    }

    /**
     * iptables (nf_tables) creates a table on first use and leaves it, empty, when its last rule
     * goes. A root-namespace table that this lab brought into being is deleted once no rule of the
     * lab is in it and it holds no rule at all, so that the machine is as before (needs nft; without
     * it an empty table with ACCEPT policies stays, which filters nothing).
     */
    private List<String> dropTablesNoLongerUsed(Journal journal) {
        List<String> lines = new ArrayList<>();
        for (String table : journal.notes(TABLE_NOTE)) {
            boolean used = journal.live().stream().anyMatch(e -> e.step.command().tool() == Tool.IPTABLES
                    && e.step.command().namespace() == null && Batch.table(e.step.command()).equals(table));
            if (used) continue;
            ExecResult save = exec.run(List.of("iptables-save", "-t", table), null);
            boolean empty = save.ok() && save.out().lines().noneMatch(l -> l.startsWith("-A ")
                    || (l.startsWith(":") && !l.contains(" ACCEPT")));
            if (empty) {
                List<String> drop = List.of("nft", "delete", "table", "ip", table);
                if (verbose != null) verbose.accept("- " + String.join(" ", drop));
                if (exec.run(drop, null).ok()) lines.add(String.join(" ", drop));
            }
            journal.unnote(TABLE_NOTE, table);
        }
        return lines;
    }

    static final String TABLE_NOTE = "iptables-table";

    /** Notes the root-namespace iptables tables that this wave's rules will bring into being. */
    private void noteNewTables(Journal journal, List<Batcher.Unit> wave) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Batcher.Unit u : wave) {
            if (u.isRun() || u.batch().tool() != Tool.IPTABLES || u.batch().namespace() != null) continue;
            for (Command c : u.batch().commands()) wanted.add(Batch.table(c));
        }
        if (wanted.isEmpty()) return;
        ExecResult save = exec.run(List.of("iptables-save"), null);
        Set<String> existing = new HashSet<>();
        if (save.ok()) save.out().lines().filter(l -> l.startsWith("*")).forEach(l -> existing.add(l.substring(1).trim()));
        for (String t : wanted) {
            if (!existing.contains(t) && !journal.notes(TABLE_NOTE).contains(t)) journal.note(TABLE_NOTE, t);
        }
    }

    /** Namespaces and host interfaces the new steps would create that exist and are not this lab's. */
    private List<String> conflicts(String labName, PlanDiff diff, Journal journal) {
        Set<String> wantNs = new LinkedHashSet<>();
        Set<String> wantHostDev = new LinkedHashSet<>();
        for (Step s : diff.add()) {
            String ns = Footprint.createdNamespace(s.command());
            if (ns != null) wantNs.add(ns);
            for (Footprint.Device d : Footprint.createdDevices(s.command())) {
                if (d.namespace() == null) wantHostDev.add(d.name());
            }
        }
        List<String> out = new ArrayList<>();
        if (wantNs.isEmpty() && wantHostDev.isEmpty()) return out;
        LiveState state = new LiveState(exec);
        Set<String> ours = new HashSet<>(journal.namespaces());
        Set<String> oursDev = new HashSet<>();
        for (Journal.Entry e : journal.live()) {
            for (Footprint.Device d : Footprint.createdDevices(e.step.command())) if (d.namespace() == null) oursDev.add(d.name());
        }
        if (!wantNs.isEmpty()) {
            Set<String> existing = new HashSet<>(state.namespaces());
            Map<String, String> others = otherLabsNamespaces(labName);
            for (String ns : wantNs) {
                if (existing.contains(ns) && !ours.contains(ns)) {
                    String owner = others.get(ns);
                    out.add("namespace '" + ns + "' already exists and is not part of lab '" + labName + "'"
                            + (owner != null ? " (it belongs to lab '" + owner + "')" : ""));
                }
            }
        }
        if (!wantHostDev.isEmpty()) {
            Set<String> existing = new HashSet<>(state.links(null));
            for (String d : wantHostDev) {
                if (existing.contains(d) && !oursDev.contains(d)) {
                    out.add("interface '" + d + "' already exists in the root namespace and is not part of lab '"
                            + labName + "'");
                }
            }
        }
        return out;
    }

    private Map<String, String> otherLabsNamespaces(String self) {
        Map<String, String> owner = new HashMap<>();
        for (String other : Journal.labs(runDir)) {
            if (other.equals(self)) continue;
            for (String ns : Journal.open(runDir, other).namespaces()) owner.put(ns, other);
        }
        return owner;
    }

    private record Failed(Step step, String message, String batchArgv) {}

    /** One pass of running steps in batches, journalled; stops at the first wave with a failure. */
    private final class Run {
        final Journal journal;
        final List<Step> planOrder;
        final List<Journal.Entry> added = new ArrayList<>();

        Run(Journal journal, List<Step> planOrder) {
            this.journal = journal;
            this.planOrder = planOrder;
        }

        Failed steps(List<Step> steps) {
            for (List<Batcher.Unit> wave : batcher.waves(steps)) {
                List<Step> waveSteps = new ArrayList<>();
                for (Batcher.Unit u : wave) for (int i : u.stepIndexes()) waveSteps.add(steps.get(i));
                List<Journal.Entry> entries = journal.begin(waveSteps);
                added.addAll(entries);
                Map<Step, Journal.Entry> entryOf = new java.util.IdentityHashMap<>();
                for (int i = 0; i < waveSteps.size(); i++) entryOf.put(waveSteps.get(i), entries.get(i));
                rememberOldSysctls(wave, steps, entryOf);
                noteNewTables(journal, wave);
                List<Failed> failures = runWave(wave, steps, entryOf);
                if (!failures.isEmpty()) return failures.get(0);
            }
            return null;
        }

        private List<Failed> runWave(List<Batcher.Unit> wave, List<Step> steps, Map<Step, Journal.Entry> entryOf) {
            List<Failed> failures = new ArrayList<>();
            if (wave.size() == 1) {
                Failed f = runUnit(wave.get(0), steps, entryOf);
                if (f != null) failures.add(f);
                return failures;
            }
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, wave.size()));
            try {
                List<Future<Failed>> results = new ArrayList<>();
                for (Batcher.Unit u : wave) results.add(pool.submit(() -> runUnit(u, steps, entryOf)));
                for (Future<Failed> r : results) {
                    Failed f = r.get();
                    if (f != null) failures.add(f);
                }
            } catch (Exception e) {
                failures.add(new Failed(null, e.toString(), "(internal)"));
            } finally {
                pool.shutdown();
            }
            return failures;
        }

        private Failed runUnit(Batcher.Unit u, List<Step> steps, Map<Step, Journal.Entry> entryOf) {
            if (u.isRun()) return start(u.run(), entryOf.get(u.run()));
            List<Step> mine = new ArrayList<>();
            for (int i : u.stepIndexes()) mine.add(steps.get(i));
            if (verbose != null) {
                StringBuilder sb = new StringBuilder();
                for (Step s : mine) sb.append(sb.length() == 0 ? "" : "\n").append("+ ").append(ShellQuoting.join(s.command().argv()));
                verbose.accept(sb.toString());
            }
            Batch b = u.batch();
            ExecResult r = exec.run(b.argv(), b.input());
            Batch.Outcome o = b.outcome(r);
            List<Journal.Entry> done = new ArrayList<>();
            for (int i : o.done()) done.add(entryOf.get(mine.get(i)));
            journal.mark(done, Journal.State.DONE);
            if (o.ok()) return null;
            if (o.failed() >= 0) {
                // the failing command and those the tool never reached did nothing to undo
                List<Journal.Entry> notDone = new ArrayList<>();
                for (int i = 0; i < mine.size(); i++) if (!o.done().contains(i)) notDone.add(entryOf.get(mine.get(i)));
                journal.mark(notDone, Journal.State.FAILED);
                return new Failed(mine.get(o.failed()), o.message(), null);
            }
            return new Failed(mine.size() == 1 ? mine.get(0) : null, o.message(), ShellQuoting.join(b.argv()));
        }

        private Failed start(Step s, Journal.Entry e) {
            Path log = runDir.resolve(Journal.safe(journal.lab()) + "." + e.id + ".log");
            if (verbose != null) verbose.accept("+ " + ShellQuoting.join(s.command().argv()) + " &");
            try {
                Files.createDirectories(runDir);
            } catch (IOException ex) {
                return new Failed(s, ex.getMessage(), null);
            }
            long pid = exec.start(s.command().argv(), log);
            if (pid <= 0) {
                journal.mark(List.of(e), Journal.State.FAILED);
                return new Failed(s, "could not start the command", null);
            }
            journal.setPid(e, pid);
            journal.mark(List.of(e), Journal.State.DONE);
            return null;
        }

        /**
         * A sysctl's undo is the value it replaces, read just before it is set: the host's from
         * /proc, a namespace's with one {@code sysctl -n} for all its keys. (A namespace's settings
         * vanish with it; the undo matters when an edited script drops a setting from a live lab.)
         */
        private void rememberOldSysctls(List<Batcher.Unit> wave, List<Step> steps, Map<Step, Journal.Entry> entryOf) {
            for (Batcher.Unit u : wave) {
                if (u.isRun() || u.batch().tool() != Tool.SYSCTL) continue;
                String ns = u.batch().namespace();
                List<String> keys = new ArrayList<>();
                for (int i : u.stepIndexes()) keys.add(Batch.sysctlKey(steps.get(i).command()));
                List<String> old = new ArrayList<>();
                if (ns == null) {
                    for (String k : keys) old.add(Sysctls.read(exec, k));
                } else {
                    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns, "sysctl", "-n"));
                    argv.addAll(keys);
                    ExecResult r = exec.run(argv, null);
                    List<String> values = r.out().lines().toList();
                    if (!r.ok() || values.size() != keys.size()) continue; // a key to be created by the lab
                    old.addAll(values);
                }
                for (int n = 0; n < keys.size(); n++) {
                    if (old.get(n) == null) continue;
                    Step s = steps.get(u.stepIndexes().get(n));
                    journal.setUndo(entryOf.get(s), Command.of(ns, Tool.SYSCTL,
                            List.of("-w", keys.get(n) + "=" + old.get(n).trim().replaceAll("\\s+", " "))));
                }
            }
        }

        List<String> ranInPlanOrder() {
            Map<Step, Integer> order = new HashMap<>();
            for (int i = 0; i < planOrder.size(); i++) order.putIfAbsent(planOrder.get(i), i);
            return added.stream().filter(e -> e.state() == Journal.State.DONE)
                    .sorted(Comparator.comparingInt(e -> order.getOrDefault(e.step, Integer.MAX_VALUE)))
                    .map(e -> ShellQuoting.join(e.step.command().argv()) + (e.step.background() ? " &" : ""))
                    .toList();
        }
    }
}
