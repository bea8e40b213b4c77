package nslab.engine;

import java.util.ArrayList;
import java.util.List;
import nslab.plan.Operation;
import nslab.plan.Effect;

/**
 * The undo operations for a set of journal entries, in reverse order, leaving out what vanishes by
 * itself: whatever lives in a namespace being deleted, whatever hangs on a device being deleted.
 * Host sysctls are listed apart (given back with the other labs in mind, not undone by an operation);
 * processes are stopped by the {@link Undoer}, not undone by an operation.
 */
final class Teardown {
    final List<Operation> operations = new ArrayList<>();
    final List<Journal.Entry> undone = new ArrayList<>();
    final List<Journal.Entry> hostSysctls = new ArrayList<>();
    final Footprint.Gone gone = new Footprint.Gone();
    /** The host's devices that go with a namespace going (a veth whose peer is there): the kernel removes them later. */
    final List<String> hostDevicesGoing = new ArrayList<>();

    /** {@code entries} in the order they were applied. */
    static Teardown of(List<Journal.Entry> entries) {
        Teardown t = new Teardown();
        for (Journal.Entry e : entries) {
            if (e.effect().kind() == Effect.Kind.NAMESPACE || e.undo() != null) t.gone.add(e.effect());
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Journal.Entry e = entries.get(i);
            t.undone.add(e);
            if (HostSysctls.isHost(e)) {
                t.hostSysctls.add(e);
                continue;
            }
            if (e.undo() == null || t.gone.takes(e.effect())) {
                for (Effect.Device d : e.effect().creates()) {
                    if (d.namespace() == null && !e.effect().namespaces().isEmpty()) t.hostDevicesGoing.add(d.name());
                }
                continue;
            }
            t.operations.add(e.undo());
        }
        return t;
    }
}
