package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import nslab.model.Lab;
import nslab.plan.Plan;
import nslab.plan.Step;
import nslab.render.ShellQuoting;
import nslab.exec.Executor;

/**
 * Builds a plan on the kernel, like a transaction: it holds the lab's lock; it looks at what is
 * live first and stops before any change if something that is not the lab's own is in the way; it
 * journals each batch before running it ({@link WaveRunner}); if a step fails or a SIGINT/SIGTERM
 * comes, it undoes everything it did, in reverse ({@link Undoer}). On a lab that is already live it
 * applies only the difference from what the journal says is in effect.
 */
public final class Applier {
    private final Executor exec;
    private final Path runDir;
    private final Path netnsDir;
    private final Consumer<String> verbose;
    private int parallelism = EngineSettings.DEFAULTS.parallel();
    private java.time.Duration lockWait = EngineSettings.DEFAULTS.lockWait();
    private Progress.Listener progress = Progress.Listener.NONE;
    private final NameFiles names;
    private java.util.function.Predicate<Drift> restore;

    /** {@code verbose} receives each command as it runs (null: quiet). */
    public Applier(Executor exec, Path runDir, Consumer<String> verbose) {
        this(exec, runDir, verbose, Destroyer.NETNS_DIR);
    }

    Applier(Executor exec, Path runDir, Consumer<String> verbose, Path netnsDir) {
        this(exec, runDir, verbose, netnsDir, NameFiles.NONE);
    }

    Applier(Executor exec, Path runDir, Consumer<String> verbose, Path netnsDir, NameFiles names) {
        this.exec = exec;
        this.names = names;
        this.runDir = runDir;
        this.verbose = verbose;
        this.netnsDir = netnsDir;
    }

    /** How many namespaces' batches run at once, and how long to wait for another nslab on the same lab. */
    public Applier settings(EngineSettings settings) {
        this.parallelism = settings.parallel();
        this.lockWait = settings.lockWait();
        return this;
    }

    public Applier progress(Progress.Listener listener) {
        this.progress = listener;
        return this;
    }

    /**
     * Also puts back what the kernel lost of a live lab (a route dropped with a link that went
     * down, an address, a sysctl changed by hand: {@link LiveComparison}): those steps run again,
     * journaled like any other. {@code which}: the drifts to put back (null: none).
     */
    public Applier restoring(java.util.function.Predicate<Drift> which) {
        this.restore = which;
        return this;
    }

    /** Throws {@link EngineException} when the lab is busy, its journal unreadable, or its name another file's. */
    public ApplyResult apply(Plan plan) {
        Lab lab = plan.lab();
        try (LabLock lock = LabLock.lab(runDir, lab.name(), "applied", lockWait);
             Interruption signals = Interruption.watch()) {
            Journal journal = Journal.open(runDir, lab.name());
            String source = sourceOf(lab);
            if (source != null && journal.source() != null && !journal.empty() && !source.equals(journal.source())) {
                throw new EngineException("lab '" + lab.name() + "' is live from " + journal.source() + "; " + source
                        + " is another file with the same lab name, so nothing was changed. Give one of them a name"
                        + " of its own (a first line such as lab 'other'), or destroy the live one first");
            }
            journal.source(source);
            forgetVanished(journal);
            if (restore != null) forgetDrifted(journal);
            List<Journal.Entry> live = journal.live();
            PlanDiff diff = finishingRemoval(live, plan);
            if (diff.empty()) {
                names.sync(journal, lab, comment());
                return new ApplyResult(ApplyResult.Status.UP_TO_DATE, List.of(), List.of(), List.of(), null);
            }
            progress.progress(new Progress("apply", "looking for what is in the way", 0, diff.add().size()));
            long t0 = System.nanoTime();
            List<String> missing = HostParents.missing(plan.steps(), diff.add(), exec);
            if (!missing.isEmpty()) {
                throw new EngineException("lab '" + lab.name() + "' needs what this machine does not have, so nothing was"
                        + " changed:\n    " + String.join("\n    ", missing) + "\n    name an interface it has in the script");
            }
            List<String> conflicts = new Conflicts(exec, runDir).of(lab.name(), diff.add(), journal);
            progress.timed("conflict check", System.nanoTime() - t0);
            if (!conflicts.isEmpty()) {
                return new ApplyResult(ApplyResult.Status.CONFLICT, List.of(), List.of(), conflicts, null);
            }
            boolean host = diff.add().stream().anyMatch(s -> s.effect().kind() == nslab.plan.Effect.Kind.SYSCTL
                    && s.effect().namespace() == null) || diff.remove().stream().anyMatch(HostSysctls::isHost);
            try (LabLock hostLock = host ? LabLock.host(runDir, "changed", lockWait) : null) {
                journal.applier(Identities.self());
                return run(plan, journal, live, diff, signals);
            }
        }
    }

    private ApplyResult run(Plan plan, Journal journal, List<Journal.Entry> live, PlanDiff diff, Interruption signals) {
        Undoer undoer = new Undoer(exec, runDir, netnsDir, verbose, names).progress(progress, "apply");
        List<String> notes = new ArrayList<>();
        // First take away what the script no longer has (so that a changed route or address can be
        // put back in its new form), and what must be redone because its container goes.
        List<String> undone = new ArrayList<>(undoer.undo(journal, diff.remove(), notes));
        journal.mark(diff.redo(), Journal.State.REMOVED);

        Runnable named = names.syncAside(journal, plan.lab(), comment());
        WaveRunner run = runner(journal, plan, signals).beforeProcesses(named);
        WaveRunner.Failed failed;
        try {
            failed = run.steps(diff.add());
        } finally {
            named.run();
        }
        if (failed == null) {
            long t0 = System.nanoTime();
            List<Step> ran = run.added.stream().map(e -> e.step).toList();
            new BridgePorts(exec).await(ran); // a lab answers when apply returns
            progress.timed("bridge ports", System.nanoTime() - t0);
            long t1 = System.nanoTime();
            new TentativeAddresses(exec).await(ran);
            progress.timed("IPv6 addresses past DAD", System.nanoTime() - t1);
            return new ApplyResult(ApplyResult.Status.APPLIED, run.ranInPlanOrder(), undone, List.of(), null);
        }
        // Roll back what this apply did, then put back what it had taken away.
        undone.addAll(undoer.undo(journal, run.added.stream().filter(Journal.Entry::live).toList(), notes));
        names.removeGone(journal, notes::add); // also those of namespaces the apply never reached
        RunLogs.delete(runDir, journal, run.added);
        // the rollback is checked, not assumed: a namespace this apply made must be gone
        boolean restored = run.added.stream().map(e -> e.effect().createdNamespace())
                .noneMatch(ns -> ns != null && Files.exists(netnsDir.resolve(ns)));
        List<Step> putBack = new ArrayList<>();
        // a run command read back from the journal is never started again: the journal is no script
        for (Journal.Entry e : diff.remove()) if (!e.step.background()) putBack.add(e.step);
        for (Journal.Entry e : diff.redo()) if (!e.step.background()) putBack.add(e.step);
        if (!putBack.isEmpty() && !signals.happened()) {
            putBack.sort(Comparator.comparingInt(s -> indexIn(s, live)));
            restored = runner(journal, plan, null).steps(putBack) == null && restored;
        }
        if (journal.live().isEmpty()) {
            journal.delete();
        }
        return new ApplyResult(ApplyResult.Status.FAILED, run.ranInPlanOrder(), undone, List.of(),
                failure(plan.lab(), failed, restored), signals.number());
    }

    /** A line for whoever watches the commands, as a shell comment (null: nobody watches). */
    private Consumer<String> comment() {
        return verbose == null ? null : line -> verbose.accept("# " + line);
    }

    private WaveRunner runner(Journal journal, Plan plan, Interruption signals) {
        return new WaveRunner(exec, runDir, netnsDir, verbose, parallelism, signals, journal, plan.steps()).progress(progress);
    }

    private static ApplyResult.Failure failure(Lab lab, WaveRunner.Failed failed, boolean restored) {
        Step s = failed.step();
        if (s == null && failed.batchArgv() == null) { // a signal
            return new ApplyResult.Failure(null, failed.message(), null, nslab.model.Source.UNKNOWN, "", restored);
        }
        String cmd = s == null ? failed.batchArgv() : ShellQuoting.join(s.command().argv());
        String hint = s == null ? "one of the commands of this batch failed; the tool did not say which"
                : KernelMessages.explain(s.command(), failed.message());
        return new ApplyResult.Failure(cmd, failed.message(), hint,
                s == null ? nslab.model.Source.UNKNOWN : s.source(), s == null ? "" : lab.line(s.source()), restored);
    }

    /**
     * The script's real path, when the lab comes from one file (null for the console's typed lines):
     * a lab is one name and one source.
     */
    static String sourceOf(Lab lab) {
        if (lab.scripts().size() != 1) return null;
        Path p = Path.of(lab.scripts().keySet().iterator().next());
        try {
            return Files.isRegularFile(p) ? p.toRealPath().toString() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A namespace of the lab that someone deleted by hand took everything in it along, and one made
     * again under its name by someone else is not the lab's: those steps are no longer in effect,
     * so that the apply builds them again (or reports the name as taken) instead of saying "up to date".
     */
    private void forgetVanished(Journal journal) {
        Ownership o = Ownership.of(journal, exec, netnsDir);
        List<Journal.Entry> seeds = new ArrayList<>(o.notOurs());
        seeds.addAll(o.remnants());
        if (seeds.isEmpty()) return;
        o.removeRemnants(netnsDir); // files a killed destroy left: no namespace, and the lab's own
        List<Journal.Entry> gone = Footprint.withAll(journal.live(), seeds);
        if (verbose != null) {
            for (Journal.Entry e : o.missing()) {
                String what = e.effect().createdNamespace() != null ? "namespace " + e.effect().createdNamespace()
                        : "interface " + e.effect().name();
                verbose.accept("# deleted outside nslab, to be built again: " + what);
            }
            o.messages().forEach(m -> verbose.accept("# " + m));
        }
        journal.mark(gone, Journal.State.REMOVED);
    }

    /** Steps whose effect the kernel no longer has are no longer in effect: the apply runs them again. */
    private void forgetDrifted(Journal journal) {
        List<Journal.Entry> live = journal.live();
        if (live.isEmpty()) return;
        List<Drift> drifts = new LiveComparison(exec).of(live).stream().filter(d -> d.restorable() && restore.test(d)).toList();
        List<Journal.Entry> again = LiveComparison.toRestore(live, drifts);
        if (again.isEmpty()) return;
        if (verbose != null) {
            for (Drift d : drifts) {
                verbose.accept("# not as the lab has it, to be put back: " + ShellQuoting.join(d.step().command().argv()));
            }
        }
        journal.mark(again, Journal.State.REMOVED);
    }

    /**
     * The difference from the plan; steps a killed destroy had begun to remove (and what lives in
     * them) are removed first and built again, not taken for still in effect.
     */
    private static PlanDiff finishingRemoval(List<Journal.Entry> live, Plan plan) {
        List<Journal.Entry> removing = Footprint.withAll(live, live.stream().filter(e -> e.state() == Journal.State.REMOVING).toList());
        if (removing.isEmpty()) return PlanDiff.of(live, plan.steps());
        PlanDiff rest = PlanDiff.of(live.stream().filter(e -> !removing.contains(e)).toList(), plan.steps());
        List<Journal.Entry> remove = new ArrayList<>(removing);
        remove.addAll(rest.remove());
        remove.sort(Comparator.comparingInt(live::indexOf));
        return new PlanDiff(remove, rest.add(), rest.redo());
    }

    private static int indexIn(Step s, List<Journal.Entry> live) {
        for (int i = 0; i < live.size(); i++) if (live.get(i).step == s) return i;
        return Integer.MAX_VALUE;
    }
}
