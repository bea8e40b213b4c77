package nslab.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.plan.Command;
import nslab.plan.Step;

/**
 * What an apply must do on a live lab: a step-level difference between the steps the journal
 * says are in effect and the new plan. A step is the same when its command is the same.
 * Steps that stay but hang on something being removed (an address on a device that is re-created,
 * anything in a namespace that goes) vanish with it, so they are dropped and done again.
 */
public record PlanDiff(List<Journal.Entry> remove, List<Step> add, List<Journal.Entry> redo) {

    public boolean empty() {
        return remove.isEmpty() && add.isEmpty();
    }

    /** Only additions: the steps not yet in effect; nothing is removed. */
    public static PlanDiff additive(List<Journal.Entry> live, List<Step> steps) {
        Set<Key> current = new HashSet<>();
        for (Journal.Entry e : live) current.add(Key.of(e.step));
        List<Step> add = new ArrayList<>();
        for (Step s : steps) if (!current.contains(Key.of(s))) add.add(s);
        return new PlanDiff(List.of(), add, List.of());
    }

    public static PlanDiff of(List<Journal.Entry> live, List<Step> plan) {
        Map<Key, Journal.Entry> current = new LinkedHashMap<>();
        for (Journal.Entry e : live) current.put(Key.of(e.step), e);
        Set<Key> wanted = new HashSet<>();
        for (Step s : plan) wanted.add(Key.of(s));

        Set<Journal.Entry> dropped = new HashSet<>();
        for (Journal.Entry e : live) if (!wanted.contains(Key.of(e.step))) dropped.add(e);
        // Taking an address away can take routes of its namespace along: the kernel flushes the
        // routes of a device left without addresses, and those through a gateway in the lost
        // subnet. So those routes come down too (tolerantly: they may be gone already) and go
        // back up after the new address.
        Set<String> addressChanged = new HashSet<>();
        for (Journal.Entry e : dropped) if (isAddress(e.step.command())) addressChanged.add(e.step.command().namespace());
        for (Journal.Entry e : live) {
            if (isRoute(e.step.command()) && addressChanged.contains(e.step.command().namespace())) dropped.add(e);
        }
        List<Journal.Entry> remove = live.stream().filter(dropped::contains).toList();

        // Whatever stays but lives in something removed must be redone; repeat, since redoing a
        // device (a veth whose namespace goes) takes down what hangs on that device too.
        List<Journal.Entry> redo = new ArrayList<>();
        Set<Journal.Entry> gone = new HashSet<>(remove);
        boolean changed = true;
        while (changed) {
            changed = false;
            List<Journal.Entry> goneInOrder = live.stream().filter(gone::contains).toList();
            Teardown t = Teardown.of(goneInOrder);
            for (Journal.Entry e : live) {
                if (gone.contains(e)) continue;
                if (t.vanishes(e.step.command()) || createsInGoneNamespace(e.step.command(), t)) {
                    gone.add(e);
                    redo.add(e);
                    changed = true;
                }
            }
        }
        Set<Key> kept = new HashSet<>();
        for (Journal.Entry e : live) if (!gone.contains(e)) kept.add(Key.of(e.step));
        List<Step> add = new ArrayList<>();
        for (Step s : plan) if (!kept.contains(Key.of(s))) add.add(s);
        return new PlanDiff(remove, add, redo);
    }

    static boolean isAddress(Command c) {
        List<String> a = c.args();
        return c.tool() == nslab.plan.Tool.IP && a.size() > 1 && a.get(0).equals("addr") && a.get(1).equals("add");
    }

    static boolean isRoute(Command c) {
        List<String> a = c.args();
        int at = !a.isEmpty() && a.get(0).equals("-6") ? 1 : 0;
        return c.tool() == nslab.plan.Tool.IP && a.size() > at + 1 && a.get(at).equals("route") && a.get(at + 1).equals("add");
    }

    /** A veth created from the root namespace dies when the namespace of either end goes. */
    static boolean createsInGoneNamespace(Command c, Teardown t) {
        for (Footprint.Device d : Footprint.createdDevices(c)) {
            if (d.namespace() != null && t.namespaces.contains(d.namespace())) return true;
        }
        return false;
    }

    /** The identity of a step: what it runs. */
    record Key(Command command, boolean background) {
        static Key of(Step s) {
            return new Key(s.command(), s.background());
        }
    }
}
