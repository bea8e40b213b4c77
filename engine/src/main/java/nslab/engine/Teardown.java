package nslab.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nslab.plan.Command;

/**
 * The undo commands for a set of journal entries, in reverse order, leaving out what vanishes by
 * itself: whatever lives in a namespace being deleted, whatever hangs on a device being deleted.
 * Background processes are listed apart (they are stopped, not undone).
 */
final class Teardown {
    final List<Command> commands = new ArrayList<>();
    final List<Journal.Entry> undone = new ArrayList<>();
    final List<Long> pids = new ArrayList<>();
    final Set<String> namespaces = new HashSet<>();
    final Set<Footprint.Device> devices = new HashSet<>();

    /** {@code entries} in the order they were applied. */
    static Teardown of(List<Journal.Entry> entries) {
        Teardown t = new Teardown();
        for (Journal.Entry e : entries) {
            String ns = Footprint.createdNamespace(e.step.command());
            if (ns != null) t.namespaces.add(ns);
            if (e.undo() != null) t.devices.addAll(Footprint.createdDevices(e.step.command()));
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Journal.Entry e = entries.get(i);
            t.undone.add(e);
            if (e.pid() > 0) t.pids.add(e.pid());
            if (e.undo() == null || t.vanishes(e.step.command())) continue;
            t.commands.add(e.undo());
        }
        return t;
    }

    /** Whether what this command did goes away by itself with a namespace or device being deleted. */
    boolean vanishes(Command c) {
        if (Footprint.createdNamespace(c) != null) return false;
        for (String ns : Footprint.namespaces(c)) if (namespaces.contains(ns)) return true;
        // a device stacked on a parent (macvlan, vxlan) goes with the parent
        for (Footprint.Device d : Footprint.usedDevices(c)) if (devices.contains(d)) return true;
        return false;
    }
}
