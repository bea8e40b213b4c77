package nslab.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import nslab.plan.Effect;
import nslab.exec.Executor;

/**
 * Removes a lab using its journal only — never the script, which may have been edited, moved or
 * deleted since. Under the lab's lock, it waits for the programs a killed apply had started, then
 * leaves alone what is no longer the lab's (a name made again by someone else), stops the
 * processes living in the lab's namespaces, deletes the namespaces (with everything in them), and
 * undoes the lab's root-namespace steps in reverse ({@link Undoer}). Then it checks the end state:
 * it waits until the namespaces and the host interfaces are gone, removes an interface that stayed
 * (its namespace held open elsewhere), and names whatever is still there.
 */
public final class Destroyer {
    /** Where iproute2 keeps the names of namespaces. */
    static final Path NETNS_DIR = Path.of("/run/netns");
    private static final long SETTLE_MS = 5000;

    private final Executor exec;
    private final Path runDir;
    private final Path netnsDir;
    private final Consumer<String> verbose;
    private Progress.Listener progress = Progress.Listener.NONE;
    private final NameFiles names;
    private java.time.Duration lockWait = EngineSettings.DEFAULTS.lockWait();

    public Destroyer(Executor exec, Path runDir, Consumer<String> verbose) {
        this(exec, runDir, verbose, NETNS_DIR);
    }

    Destroyer(Executor exec, Path runDir, Consumer<String> verbose, Path netnsDir) {
        this(exec, runDir, verbose, netnsDir, NameFiles.NONE);
    }

    Destroyer(Executor exec, Path runDir, Consumer<String> verbose, Path netnsDir, NameFiles names) {
        this.names = names;
        this.exec = exec;
        this.runDir = runDir;
        this.netnsDir = netnsDir;
        this.verbose = verbose;
    }

    /** How long to wait for another nslab working on the same lab. */
    public Destroyer settings(EngineSettings settings) {
        this.lockWait = settings.lockWait();
        return this;
    }

    public Destroyer progress(Progress.Listener listener) {
        this.progress = listener;
        return this;
    }

    public DestroyResult destroy(String lab) {
        return destroy(lab, false);
    }

    /**
     * {@code force}: a journal with unreadable records is read around them, and an empty one is
     * removed; what the readable records identify is removed as usual.
     */
    public DestroyResult destroy(String lab, boolean force) {
        try (LabLock lock = LabLock.lab(runDir, lab, "destroyed", lockWait)) {
            long t0 = System.nanoTime();
            Journal journal = Journal.open(runDir, lab, force);
            progress.timed("journal read", System.nanoTime() - t0);
            if (!journal.exists()) return new DestroyResult(false, List.of(), List.of(), List.of());
            List<String> notes = new ArrayList<>(journal.warnings());
            if (journal.empty() && journal.appliers().isEmpty() && !force) { // an apply that made nothing yet is fine
                throw new EngineException(journal.file() + " records no step (empty, or its records unreadable), so"
                        + " nslab cannot tell what lab " + lab + " built; nothing was changed. 'nslab destroy --force "
                        + lab + "' removes the journal");
            }
            long t1 = System.nanoTime();
            int strays = Strays.settle(journal.appliers());
            if (strays > 0) notes.add(strays + " program(s) of an apply that was killed had to end first");
            List<String> namespaces = journal.namespaces();
            Ownership o = Ownership.of(journal, exec, netnsDir);
            notes.addAll(o.messages());
            List<Journal.Entry> notOurs = Footprint.withAll(journal.live(), o.notOurs());
            List<Journal.Entry> leftOver = Footprint.withAll(journal.live(), o.remnants()); // went with a killed destroy
            List<Journal.Entry> ours = journal.live().stream().filter(e -> !notOurs.contains(e) && !leftOver.contains(e)).toList();
            List<String> remnants = o.removeRemnants(netnsDir);
            List<String> stopped = stopProcesses(journal, notOurs, notes);
            Map<String, String> hostDevices = hostDevices(journal.live());
            progress.timed("ownership", System.nanoTime() - t1);
            List<String> undone;
            boolean host = ours.stream().anyMatch(HostSysctls::isHost);
            try (LabLock hostLock = host ? LabLock.host(runDir, "changed", lockWait) : null) {
                undone = new ArrayList<>(remnants);
                undone.addAll(stopped);
                undone.addAll(new Undoer(exec, runDir, netnsDir, verbose, names).progress(progress, "destroy").undo(journal, ours, notes));
            }
            journal.mark(notOurs, Journal.State.REMOVED);
            journal.mark(leftOver, Journal.State.REMOVED);
            names.removeGone(journal, notes::add);
            long t3 = System.nanoTime();
            progress.progress(new Progress("destroy", "waiting for the kernel to free the namespaces", undone.size(), undone.size()));
            List<String> left = settle(ours, hostDevices, undone);
            progress.timed("end state", System.nanoTime() - t3);
            if (left.isEmpty()) {
                RunLogs.delete(runDir, journal, journal.entries());
                journal.delete();
            }
            return new DestroyResult(true, undone, namespaces, left, notes);
        }
    }

    /**
     * The lab's root-namespace interfaces with the ifindex it made them with; also those whose
     * namespace is no longer there under its name (renamed, or held open), which their ifindex
     * still proves the lab's. One whose ifindex was never recorded is never deleted by its name.
     */
    private static Map<String, String> hostDevices(List<Journal.Entry> live) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Journal.Entry e : live) {
            for (Effect.Device d : Footprint.hostDevices(e.step)) {
                String index = e.identity(Identities.IFINDEX + d.name());
                if (index != null) out.put(d.name(), index);
            }
        }
        return out;
    }

    /**
     * Waits (bounded) until the lab's namespaces and host interfaces are gone — the kernel frees a
     * deleted namespace's devices a moment later — deleting a host interface that stays (its
     * namespace is held open elsewhere); returns what is still there.
     */
    private List<String> settle(List<Journal.Entry> ours, Map<String, String> hostDevices, List<String> undone) {
        List<String> namespaces = new ArrayList<>();
        for (Journal.Entry e : ours) if (e.effect().createdNamespace() != null) namespaces.add(e.effect().createdNamespace());
        long start = System.currentTimeMillis();
        boolean deleted = false;
        while (true) {
            List<String> left = new ArrayList<>();
            for (String ns : namespaces) if (Files.exists(netnsDir.resolve(ns))) left.add("namespace " + ns);
            List<String> devices = new ArrayList<>();
            if (!hostDevices.isEmpty()) {
                Map<String, String> links = Identities.hostLinks(exec);
                hostDevices.forEach((name, index) -> {
                    if (index.equals(links.get(name))) devices.add(name);
                });
            }
            for (String d : devices) left.add("interface " + d + " in the root namespace");
            long waited = System.currentTimeMillis() - start;
            if (left.isEmpty() || waited > SETTLE_MS) return left;
            if (!deleted && waited > 500 && !devices.isEmpty()) {
                for (String d : devices) {
                    List<String> argv = List.of("ip", "link", "del", "dev", d);
                    if (verbose != null) verbose.accept("- " + String.join(" ", argv));
                    if (exec.run(argv, null).ok()) undone.add(String.join(" ", argv));
                }
                deleted = true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return left;
            }
        }
    }

    /**
     * The lab's processes among steps left alone (their namespace is no longer the lab's, or gone):
     * a process is known by its PID and start time, not by its namespace, so it is still stopped.
     */
    private static List<String> stopProcesses(Journal journal, List<Journal.Entry> entries, List<String> notes) {
        List<Long> pids = Undoer.startedProcesses(journal, entries, notes);
        NamespaceProcesses.stop(pids);
        return pids.stream().map(p -> "kill " + p).toList();
    }
}
