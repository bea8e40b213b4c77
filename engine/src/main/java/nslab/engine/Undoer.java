package nslab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import nslab.plan.Operation;
import nslab.plan.Tool;
import nslab.render.ShellQuoting;
import nslab.exec.Executor;

/**
 * Undoes journal entries: stops their processes (only those still the ones started: same PID and
 * start time), runs their undo commands in reverse in batches (tolerant: a thing already gone is
 * fine), gives host sysctls back with the other labs in mind, marks the entries removed, and
 * removes the name files of the namespaces that went ({@link NameFiles}).
 * Used by apply (steps a script no longer has, a rollback) and by destroy.
 */
final class Undoer {
    private final Executor exec;
    private final Path runDir;
    private final Path netnsDir;
    private final Consumer<String> verbose;
    private final Batcher batcher = new Batcher();
    private Progress.Listener progress = Progress.Listener.NONE;
    private String verb = "destroy";
    private final NameFiles names;

    Undoer(Executor exec, Path runDir, Path netnsDir, Consumer<String> verbose, NameFiles names) {
        this.exec = exec;
        this.names = names;
        this.runDir = runDir;
        this.netnsDir = netnsDir;
        this.verbose = verbose;
    }

    /** {@code verb}: the command whose progress the undoing is part of (destroy, or apply's rollback). */
    Undoer progress(Progress.Listener listener, String verb) {
        this.progress = listener;
        this.verb = verb;
        return this;
    }

    /** {@code entries} in the order they were applied; {@code notes} gets what was left alone and why. */
    List<String> undo(Journal journal, List<Journal.Entry> entries, List<String> notes) {
        if (entries.isEmpty()) return List.of();
        long t0 = System.nanoTime();
        Teardown t = Teardown.of(entries);
        long t1 = System.nanoTime();
        List<Long> pids = startedProcesses(journal, t.undone, notes);
        String phase = verb.equals("destroy") ? "stopping processes" : "rolling back: stopping processes";
        progress.progress(new Progress(verb, phase, 0, t.operations.size()));
        Set<String> namespaces = new HashSet<>(t.gone.namespaces);
        pids.addAll(new NamespaceProcesses(netnsDir).pids(namespaces));
        NamespaceProcesses.stop(pids);
        progress.timed("teardown plan", t1 - t0);
        progress.timed("process scan", System.nanoTime() - t1);
        List<String> lines = new ArrayList<>();
        // recorded before anything goes: a destroy killed halfway leaves files the next one knows as the lab's
        journal.mark(t.undone, Journal.State.REMOVING);
        Runnable namesRemoved = names.removeAside(journal, namespaces, notes::add);
        String undoing = verb.equals("destroy") ? "deleting" : "rolling back";
        for (Batch b : batcher.undoBatches(t.operations)) {
            progress.progress(new Progress(verb, undoing + " (" + b.tool().name().toLowerCase()
                    + (b.namespace() != null ? " in " + b.namespace() : "") + ")", lines.size(), t.operations.size()));
            for (Operation o : b.operations()) {
                String line = ShellQuoting.join(o.command().argv());
                lines.add(line);
                if (verbose != null) verbose.accept("- " + line);
            }
            long started = System.nanoTime();
            b.carryOut(exec); // tolerant: a thing already gone is fine
            progress.timed(String.join(" ", b.argv()) + " (" + b.operations().size() + " operations)", System.nanoTime() - started);
        }
        long gone = System.nanoTime();
        awaitGone(t.hostDevicesGoing);
        progress.timed("host devices", System.nanoTime() - gone);
        if (!t.hostSysctls.isEmpty()) {
            for (String line : new HostSysctls(exec, runDir).restore(journal, t.hostSysctls, notes)) {
                lines.add(line);
                if (verbose != null) verbose.accept("- " + line);
            }
        }
        namesRemoved.run();
        DaemonFiles.remove(runDir, namespaces);
        journal.mark(t.undone, Journal.State.REMOVED);
        names.removeGone(journal, notes::add);
        lines.addAll(new HostTables(exec, runDir, verbose).dropNoLongerUsed(journal));
        return lines;
    }

    /**
     * Waits (at most 5 s) until the host's devices that went with a deleted namespace are gone: the kernel
     * deletes a namespace's devices, and a veth's other end with them, on its own workqueue after the
     * namespace's last reference, so an undo that returned at once would leave the host's end behind for a
     * while, in the way of a lab applied right after.
     */
    private void awaitGone(List<String> hostDevices) {
        SettleAfterApply.await(hostDevices, 5_000, d -> exec.run(List.of("ip", "-o", "link", "show", "dev", d), null).ok());
    }

    /**
     * The processes of these entries that are still the ones started (same PID and start time),
     * and those started whose PID nslab had no time to record (by their mark, {@link Strays#runMark});
     * {@code notes} gets those whose PID another process has now.
     */
    static List<Long> startedProcesses(Journal journal, List<Journal.Entry> entries, List<String> notes) {
        List<Long> pids = new ArrayList<>(Strays.unrecordedRuns(journal.appliers(), entries));
        for (Journal.Entry e : entries) {
            if (e.pid() <= 0) continue;
            if (Identities.sameProcess(e.pid(), e.pidStart())) {
                pids.add(e.pid());
            } else if (ProcessHandle.of(e.pid()).isPresent()) {
                notes.add("process " + e.pid() + " is not the one the lab started (its PID was reused): left alone");
            }
        }
        return pids;
    }
}
