package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.Step;
import nslab.plan.Tool;
import nslab.render.ShellQuoting;
import nslab.exec.Executor;
import nslab.exec.Outcome;

/**
 * One pass of running steps in waves of batches, journalled: each wave is written as intent
 * (what each step will make), run, and each batch marked done together with the identity of what
 * it made (a namespace's inode, a host interface's ifindex, a process's start time) as soon as it
 * ran. Stops at the first wave with a failure, or at a signal.
 */
final class WaveRunner {
    record Failed(Step step, String message, String batchArgv) {}

    private final Executor exec;
    private final Path runDir;
    private final Path netnsDir;
    private final Consumer<String> verbose;
    private final int parallelism;
    private final Interruption interruption;
    private final Journal journal;
    private final List<Step> planOrder;
    private final Batcher batcher = new Batcher();
    final List<Journal.Entry> added = new ArrayList<>();
    private Progress.Listener progress = Progress.Listener.NONE;
    private Runnable beforeProcesses = () -> {};
    private final java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    private int total;
    private String phase = "";

    WaveRunner(Executor exec, Path runDir, Path netnsDir, Consumer<String> verbose, int parallelism,
               Interruption interruption, Journal journal, List<Step> planOrder) {
        this.exec = exec;
        this.runDir = runDir;
        this.netnsDir = netnsDir;
        this.verbose = verbose;
        this.parallelism = parallelism;
        this.interruption = interruption;
        this.journal = journal;
        this.planOrder = planOrder;
    }

    WaveRunner progress(Progress.Listener listener) {
        this.progress = listener;
        return this;
    }

    /** Runs {@code barrier} before the first wave that starts a process (which must find what it waits for). */
    WaveRunner beforeProcesses(Runnable barrier) {
        this.beforeProcesses = barrier;
        return this;
    }

    Failed steps(List<Step> steps) {
        total = steps.size();
        for (List<Batcher.Unit> wave : batcher.waves(steps)) {
            if (interruption != null && interruption.happened()) return interrupted();
            List<Step> waveSteps = new ArrayList<>();
            for (Batcher.Unit u : wave) for (int i : u.stepIndexes()) waveSteps.add(steps.get(i));
            phase = waveSteps.stream().map(s -> s.phase().name().toLowerCase().replace('_', ' ')).distinct()
                    .collect(java.util.stream.Collectors.joining(", ")); // a wave's batches hold several phases
            if (waveSteps.stream().anyMatch(s -> s.effect().kind() == Effect.Kind.PROCESS)) beforeProcesses.run();
            progress.progress(new Progress("apply", phase, done.get(), total));
            List<Journal.Entry> entries = journal.begin(waveSteps);
            added.addAll(entries);
            Map<Step, Journal.Entry> entryOf = new IdentityHashMap<>();
            for (int i = 0; i < waveSteps.size(); i++) entryOf.put(waveSteps.get(i), entries.get(i));
            rememberOldSysctls(wave, steps, entryOf);
            noteNewTables(wave);
            long t0 = System.nanoTime();
            List<Failed> failures = runWave(wave, steps, entryOf);
            progress.timed("wave of " + wave.size() + " processes, " + waveSteps.size() + " commands", System.nanoTime() - t0);
            if (!failures.isEmpty()) return failures.get(0);
        }
        if (interruption != null && interruption.happened()) return interrupted();
        return null;
    }

    private Failed interrupted() {
        return new Failed(null, "interrupted by " + interruption.name(), null);
    }

    /**
     * Who the namespaces and host interfaces these entries made are, read as soon as their batch
     * has run, to be journalled with their "done" marks in one write.
     */
    private Map<Journal.Entry, Map<String, String>> identities(List<Journal.Entry> entries) {
        Map<Journal.Entry, Map<String, String>> ids = new LinkedHashMap<>();
        Map<String, String> links = null;
        for (Journal.Entry e : entries) {
            Effect effect = e.effect();
            if (effect.createdNamespace() != null && e.identity(Identities.NETNS) == null) { // (recorded before it was named)
                String id = Identities.namespace(netnsDir, effect.createdNamespace());
                if (id != null) ids.computeIfAbsent(e, k -> new LinkedHashMap<>()).put(Identities.NETNS, id);
            }
            for (Effect.Device d : Footprint.hostDevices(e.step)) {
                if (links == null) links = Identities.hostLinks(exec);
                String index = links.get(d.name());
                if (index != null) ids.computeIfAbsent(e, k -> new LinkedHashMap<>()).put(Identities.IFINDEX + d.name(), index);
            }
        }
        return ids;
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
        try {
            return runUnitAlone(u, steps, entryOf);
        } finally {
            synchronized (progress) { // counts reach the listener in order
                progress.progress(new Progress("apply", phase, done.addAndGet(u.stepIndexes().size()), total));
            }
        }
    }

    private Failed runUnitAlone(Batcher.Unit u, List<Step> steps, Map<Step, Journal.Entry> entryOf) {
        if (u.isRun()) return start(u.run(), entryOf.get(u.run()));
        List<Step> mine = new ArrayList<>();
        for (int i : u.stepIndexes()) mine.add(steps.get(i));
        if (verbose != null) {
            StringBuilder sb = new StringBuilder();
            for (Step s : mine) sb.append(sb.length() == 0 ? "" : "\n").append("+ ").append(ShellQuoting.join(s.command().argv()));
            verbose.accept(sb.toString());
        }
        Batch b = u.batch();
        boolean namespaces = mine.stream().allMatch(s -> s.effect().createdNamespace() != null);
        List<Journal.Entry> all = new ArrayList<>(mine.size());
        for (Step s : mine) all.add(entryOf.get(s));
        Outcome o = namespaces ? runNamespaces(b, all) : b.carryOut(exec);
        List<Journal.Entry> done = new ArrayList<>();
        for (int i : o.done()) done.add(entryOf.get(mine.get(i)));
        // all of them: a batch that failed without saying where may have made more than it marks
        journal.markIdentified(done, Journal.State.DONE, identities(all));
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

    /**
     * The batch that makes new namespaces: each is made unnamed, its identity journalled, and only
     * then is it named, so that a kill -9 at any moment leaves no named namespace of the lab
     * without its identity in the journal ({@link Ownership} tells it from someone else's by that
     * alone). The naming runs in a process that ends with nslab, where a process runs it.
     */
    private Outcome runNamespaces(Batch b, List<Journal.Entry> entries) {
        return b.outcome(exec.addNamespaces(b.argv(), b.input(), files -> {
            Map<Journal.Entry, Map<String, String>> ids = new LinkedHashMap<>();
            for (Journal.Entry e : entries) {
                Path file = files.get(e.effect().createdNamespace());
                String id = file == null ? null : Identities.unnamedNamespace(file);
                if (id != null) ids.put(e, Map.of(Identities.NETNS, id));
            }
            journal.identify(ids);
        }));
    }

    /** The run log of a journal entry ({@link RunLogs}). */
    static Path logOf(Path runDir, String lab, int id) {
        return RunLogs.of(runDir, lab, id);
    }

    private Failed start(Step s, Journal.Entry e) {
        Path log = logOf(runDir, journal.lab(), e.id);
        if (verbose != null) verbose.accept("+ " + ShellQuoting.join(s.command().argv()) + " &");
        try {
            RunDir.create(runDir);
            Files.deleteIfExists(log); // a left-over file, or a link planted there: never written through
            Files.newByteChannel(log, Set.of(java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))).close();
        } catch (IOException ex) {
            journal.mark(List.of(e), Journal.State.FAILED);
            return new Failed(s, ex.getMessage(), null);
        }
        long pid = exec.start(s.command().argv(), log, Strays.runMark(e));
        if (pid <= 0) {
            journal.mark(List.of(e), Journal.State.FAILED);
            return new Failed(s, "could not start the command", null);
        }
        journal.setPid(e, pid, Identities.startTime(pid));
        journal.mark(List.of(e), Journal.State.DONE);
        return null;
    }

    /**
     * A sysctl's undo is the value it replaces, read just before it is set: a namespace's with one
     * {@code sysctl -n} for all its keys (its settings vanish with it; the undo matters when an
     * edited script drops a setting from a live lab); the host's is counted across labs
     * ({@link HostSysctls}).
     */
    private void rememberOldSysctls(List<Batcher.Unit> wave, List<Step> steps, Map<Step, Journal.Entry> entryOf) {
        for (Batcher.Unit u : wave) {
            if (u.isRun() || u.batch().tool() != Tool.SYSCTL) continue;
            String ns = u.batch().namespace();
            if (ns == null) {
                HostSysctls host = new HostSysctls(exec, runDir);
                Map<Journal.Entry, Map<String, String>> ids = new LinkedHashMap<>();
                for (int i : u.stepIndexes()) {
                    Journal.Entry e = entryOf.get(steps.get(i));
                    ids.put(e, host.before(journal, e));
                }
                journal.identify(ids);
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (int i : u.stepIndexes()) keys.add(steps.get(i).effect().name());
            List<String> values = exec.readSysctls(ns, keys);
            if (values == null) continue; // a key to be created by the lab
            for (int n = 0; n < keys.size(); n++) {
                Step s = steps.get(u.stepIndexes().get(n));
                journal.setOldValue(entryOf.get(s), values.get(n).trim().replaceAll("\\s+", " "));
            }
        }
    }

    /** Notes the root-namespace iptables tables that this wave's rules will bring into being. */
    private void noteNewTables(List<Batcher.Unit> wave) {
        Set<String> wanted = new LinkedHashSet<>();
        for (Batcher.Unit u : wave) {
            if (u.isRun() || u.batch().tool() != Tool.IPTABLES || u.batch().namespace() != null) continue;
            for (nslab.plan.Operation o : u.batch().operations()) wanted.add(Batch.table(o));
        }
        new HostTables(exec, runDir, null).noteNew(journal, wanted);
    }

    List<String> ranInPlanOrder() {
        Map<Step, Integer> order = new IdentityHashMap<>(); // the plan's own steps: no hashing of every command
        for (int i = 0; i < planOrder.size(); i++) order.putIfAbsent(planOrder.get(i), i);
        return added.stream().filter(e -> e.state() == Journal.State.DONE)
                .sorted(Comparator.comparingInt(e -> order.getOrDefault(e.step, Integer.MAX_VALUE)))
                .map(e -> ShellQuoting.join(e.step.command().argv()) + (e.step.background() ? " &" : ""))
                .toList();
    }
}
