package nslab.engine;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nslab.plan.Effect;
import nslab.plan.Step;

/**
 * What vanishes together, read from the steps' effects: everything in a namespace goes with the
 * namespace, an address, a route or a setting goes with its device, a veth goes when either end's
 * namespace goes. Undoing leaves out what is already gone; an incremental apply redoes what it
 * takes along; an apply forgets what vanished behind its back. All three ask {@link #withAll}.
 */
final class Footprint {
    private Footprint() {}

    /**
     * Whether a step run from the root namespace leaves nothing there: it creates a namespace,
     * or devices that all land in namespaces (a veth made with both ends in place).
     */
    static boolean onlyCreatesInNamespaces(Step s) {
        Effect e = s.effect();
        if (e.kind() == Effect.Kind.NAMESPACE) return true;
        return e.kind() == Effect.Kind.DEVICE && e.creates().stream().allMatch(d -> d.namespace() != null);
    }

    /** The root-namespace devices a step creates (the host end of a veth, a host bridge). */
    static List<Effect.Device> hostDevices(Step s) {
        List<Effect.Device> creates = s.effect().creates();
        if (creates.stream().allMatch(d -> d.namespace() != null)) return List.of(); // the usual case: nothing to copy
        return creates.stream().filter(d -> d.namespace() == null).toList();
    }

    /**
     * {@code seeds} and everything among {@code live} that goes with them, in {@code live}'s
     * order: the one fix-point of "what vanishes with what is gone".
     */
    static List<Journal.Entry> withAll(List<Journal.Entry> live, Collection<Journal.Entry> seeds) {
        Set<Journal.Entry> gone = new LinkedHashSet<>(seeds);
        Gone g = new Gone();
        for (Journal.Entry e : gone) g.add(e.effect());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Journal.Entry e : live) {
                if (!gone.contains(e) && g.takes(e.effect())) {
                    gone.add(e);
                    g.add(e.effect());
                    changed = true;
                }
            }
        }
        return live.stream().filter(gone::contains).toList();
    }

    /** The namespaces and devices that are going. */
    static final class Gone {
        final Set<String> namespaces = new LinkedHashSet<>();
        final Set<Effect.Device> devices = new LinkedHashSet<>();

        void add(Effect e) {
            if (e.createdNamespace() != null) namespaces.add(e.createdNamespace());
            devices.addAll(e.creates());
        }

        /** Whether this effect goes by itself with what is going (so it needs no undo of its own). */
        boolean takes(Effect e) {
            if (e.kind() == Effect.Kind.NAMESPACE) return false;
            for (String ns : e.namespaces()) if (namespaces.contains(ns)) return true;
            for (Effect.Device d : e.on()) if (devices.contains(d)) return true;
            return false;
        }
    }
}
