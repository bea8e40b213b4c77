package nslab.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nslab.plan.Effect;
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

    public static PlanDiff of(List<Journal.Entry> live, List<Step> plan) {
        Set<Key> wanted = new HashSet<>();
        for (Step s : plan) wanted.add(Key.of(s));

        Set<Journal.Entry> dropped = new HashSet<>();
        for (Journal.Entry e : live) if (!wanted.contains(Key.of(e.step))) dropped.add(e);
        // Taking an address away can take routes of its namespace along: the kernel flushes the
        // routes of a device left without addresses, and those through a gateway in the lost
        // subnet. So those routes come down too (tolerantly: they may be gone already) and go
        // back up after the new address.
        Set<String> addressChanged = new HashSet<>();
        for (Journal.Entry e : dropped) if (e.effect().kind() == Effect.Kind.ADDRESS) addressChanged.add(e.effect().namespace());
        for (Journal.Entry e : live) {
            if (e.effect().kind() == Effect.Kind.ROUTE && addressChanged.contains(e.effect().namespace())) dropped.add(e);
        }
        List<Journal.Entry> remove = live.stream().filter(dropped::contains).toList();

        // Whatever stays but lives in something removed must be redone.
        List<Journal.Entry> gone = Footprint.withAll(live, remove);
        List<Journal.Entry> redo = gone.stream().filter(e -> !dropped.contains(e)).toList();
        Set<Key> kept = new HashSet<>();
        Set<Journal.Entry> goneSet = new HashSet<>(gone);
        for (Journal.Entry e : live) if (!goneSet.contains(e)) kept.add(Key.of(e.step));
        List<Step> add = new ArrayList<>();
        for (Step s : plan) if (!kept.contains(Key.of(s))) add.add(s);
        return new PlanDiff(remove, add, redo);
    }

    /** The identity of a step: what it runs. */
    record Key(nslab.plan.Command command, boolean background) {
        static Key of(Step s) {
            return new Key(s.command(), s.background());
        }
    }
}
