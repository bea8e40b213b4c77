package nslab.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import nslab.model.Lab;
import nslab.plan.Plan;
import nslab.exec.Executor;
import nslab.exec.LiveState;

/**
 * The engine's front door, for the command line and the console:
 * <pre>
 * Engine engine = Engine.onThisMachine(settings, verbose ? System.err::println : null);
 * ApplyResult r = engine.apply(compiled.plan());        // r.ran(): the commands that ran
 *                                                     // a live lab: only the difference
 * List&lt;CheckResult&gt; checks = engine.check(compiled.lab());
 * DestroyResult d = engine.destroy("lab-name");          // from the journal only
 * </pre>
 * apply and destroy throw {@link EngineException} (nothing changed) when the lab is busy with
 * another nslab, its journal cannot be read, or another script already owns its name:
 * <pre>
 * List&lt;Map&lt;String, Object&gt;&gt; labs = engine.status().labs(null);   // the console words them
 * Trace t = engine.trace(compiled.lab(), "client", "server", Probe.icmp(false, null), words); // words: the console's
 * </pre>
 * Journals live under {@code /run/nslab} (or {@link EngineSettings#runDir}); inside a sandbox that
 * /run is the sandbox's own. The engine on this machine also writes the lab's names where
 * {@code ip netns exec} reads them ({@link NameFiles}).
 */
public final class Engine {
    private final Executor exec;
    private final Path runDir;
    private final Consumer<String> verbose;
    private Progress.Listener progress = Progress.Listener.NONE;
    private final NameFiles names;
    private final EngineSettings settings;

    /** An engine that writes no name files (its executor may be a made-up one). */
    public Engine(Executor exec, Path runDir, Consumer<String> verbose) {
        this(exec, runDir, verbose, NameFiles.NONE, EngineSettings.DEFAULTS);
    }

    private Engine(Executor exec, Path runDir, Consumer<String> verbose, NameFiles names, EngineSettings settings) {
        this.exec = exec;
        this.runDir = runDir;
        this.verbose = verbose;
        // the name files tell their times to whoever listens to this engine at the time
        this.names = names != null ? names : NameFiles.onThisMachine(settings.inSandbox(), new Progress.Listener() {
            @Override
            public void progress(Progress p) {
                progress.progress(p);
            }

            @Override
            public void timed(String what, long nanos) {
                progress.timed(what, nanos);
            }
        });
        this.settings = settings;
    }

    /** The real kernel, working as {@code settings} say, with the lab's names where {@code ip netns exec} reads them; {@code verbose} gets each command (null: quiet). */
    public static Engine onThisMachine(EngineSettings settings, Consumer<String> verbose) {
        // JNA unpacks its native part for a moment: where the settings say (beside nslab's other
        // cached files), set before the netlink executor first loads it
        if (settings.nativeDir() != null && System.getProperty("jna.tmpdir") == null) {
            System.setProperty("jna.tmpdir", settings.nativeDir().toString());
        }
        return new Engine(ExecutorChoice.forThisMachine(settings.executor()), settings.runDir(), verbose,
                null, settings);
    }

    /** Who is told how far apply and destroy have got. */
    public Engine progress(Progress.Listener listener) {
        this.progress = listener == null ? Progress.Listener.NONE : listener;
        return this;
    }

    /** Builds the plan, or only its difference from what is live; does not run the expectations. */
    public ApplyResult apply(Plan plan) {
        FrrMachine.check(plan.lab());
        try {
            return new Applier(exec, runDir, verbose, Destroyer.NETNS_DIR, names).settings(settings).progress(progress).apply(plan);
        } finally {
            progress.finished();
        }
    }

    /**
     * The same, and also puts back what {@code restore} accepts of what the live lab lost (a
     * route the kernel dropped with a link, an address, a sysctl changed by hand: see
     * {@link #drift}), as steps journaled like any other. {@code d -> true}: all of it.
     */
    public ApplyResult apply(Plan plan, java.util.function.Predicate<Drift> restore) {
        FrrMachine.check(plan.lab());
        try {
            return new Applier(exec, runDir, verbose, Destroyer.NETNS_DIR, names).settings(settings).progress(progress).restoring(restore).apply(plan);
        } finally {
            progress.finished();
        }
    }


    /**
     * How a live lab differs from what its journal says is in effect (empty when it is not live);
     * with {@code plan}, each drift the lab declares carries the plan's step, which knows its line.
     */
    public List<Drift> drift(String lab, Plan plan) {
        if (!isLive(lab)) return List.of();
        List<Drift> drifts = new LiveComparison(exec).of(Journal.open(runDir, lab).live());
        if (plan == null) return drifts;
        java.util.Map<PlanDiff.Key, nslab.plan.Step> byCommand = new java.util.HashMap<>();
        for (nslab.plan.Step s : plan.steps()) byCommand.putIfAbsent(PlanDiff.Key.of(s), s);
        List<Drift> out = new java.util.ArrayList<>();
        for (Drift d : drifts) out.add(d.restorable() ? d.withStep(byCommand.getOrDefault(PlanDiff.Key.of(d.step()), d.step())) : d);
        return out;
    }

    public List<CheckResult> check(Lab lab) {
        return new Checker(exec).daemonsIn(runDir).check(lab);
    }

    /** The same right after apply, when a neighbour still being resolved is given longer to answer. */
    public List<CheckResult> checkFresh(Lab lab) {
        return new Checker(exec, true).daemonsIn(runDir).check(lab);
    }

    public DestroyResult destroy(String lab) {
        return destroy(lab, false);
    }

    /** {@code force}: read the journal around unreadable records, and remove an empty one. */
    public DestroyResult destroy(String lab, boolean force) {
        try {
            return new Destroyer(exec, runDir, verbose, Destroyer.NETNS_DIR, names).settings(settings).progress(progress).destroy(lab, force);
        } finally {
            progress.finished();
        }
    }

    /** The script a live lab was applied from, as its journal recorded it (null: unknown). */
    public String sourceOf(String lab) {
        return Journal.sourceOf(runDir, lab);
    }

    /**
     * Where a probe from {@code from} to {@code to} goes and where it stops: on the kernel, with a
     * probe, when the lab is live; on the lab's model alone when it is not.
     */
    public nslab.trace.Trace trace(Lab lab, String from, String to, nslab.trace.Probe probe, nslab.trace.TraceWords words) {
        nslab.trace.Tracer tracer = isLive(lab.name()) ? nslab.trace.Tracer.live(lab, exec, words) : nslab.trace.Tracer.onModel(lab, words);
        return tracer.trace(from, to, probe);
    }

    /**
     * Several traces of one lab, their probes sent side by side on a live lab (see
     * {@link nslab.trace.SideBySide}); in the requests' order. A request that cannot be traced throws,
     * as {@link #trace} does.
     */
    public List<nslab.trace.Trace> traces(Lab lab, List<nslab.trace.TraceRequest> requests, nslab.trace.TraceWords words) {
        boolean live = isLive(lab.name());
        return nslab.trace.SideBySide.trace(() -> live ? nslab.trace.Tracer.live(lab, exec, words) : nslab.trace.Tracer.onModel(lab, words),
                requests);
    }

    /** What the kernel has now, read without changing anything. */
    public LiveState live() {
        return new LiveState(exec);
    }

    public Status status() {
        return new Status(exec, runDir);
    }

    /** The labs that are live (have a journal). */
    public List<String> labs() {
        return Journal.labs(runDir);
    }

    /** Whether the lab has a journal, i.e. was applied and not destroyed. */
    public boolean isLive(String lab) {
        return java.nio.file.Files.exists(Journal.fileOf(runDir, lab)); // without reading it
    }

    public Path runDir() {
        return runDir;
    }
}
