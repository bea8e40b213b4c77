package nslab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.plan.Effect;
import nslab.plan.Step;
import nslab.exec.Executor;
import nslab.exec.LiveState;

/** Namespaces and host interfaces that new steps would create, that exist and are not the lab's. */
final class Conflicts {
    private final Executor exec;
    private final Path runDir;

    Conflicts(Executor exec, Path runDir) {
        this.exec = exec;
        this.runDir = runDir;
    }

    List<String> of(String labName, List<Step> add, Journal journal) {
        Set<String> wantNs = new LinkedHashSet<>();
        Set<String> wantHostDev = new LinkedHashSet<>();
        for (Step s : add) {
            if (s.effect().createdNamespace() != null) wantNs.add(s.effect().createdNamespace());
            for (Effect.Device d : Footprint.hostDevices(s)) wantHostDev.add(d.name());
        }
        List<String> out = new ArrayList<>();
        if (wantNs.isEmpty() && wantHostDev.isEmpty()) return out;
        LiveState state = new LiveState(exec);
        Set<String> ours = new HashSet<>(journal.namespaces());
        Set<String> oursDev = new HashSet<>();
        for (Journal.Entry e : journal.live()) for (Effect.Device d : Footprint.hostDevices(e.step)) oursDev.add(d.name());
        if (!wantNs.isEmpty()) {
            Set<String> existing = new HashSet<>(state.namespaces());
            Map<String, String> others = otherLabsNamespaces(labName);
            for (String ns : wantNs) {
                if (existing.contains(ns) && !ours.contains(ns)) {
                    String owner = others.get(ns);
                    out.add("namespace '" + ns + "' already exists and is not part of lab '" + labName + "'"
                            + (owner != null ? " (it belongs to lab '" + owner + "')" : ""));
                }
            }
        }
        if (!wantHostDev.isEmpty()) {
            Set<String> existing = Identities.hostLinks(exec).keySet();
            for (String d : wantHostDev) {
                if (existing.contains(d) && !oursDev.contains(d)) {
                    out.add("interface '" + d + "' already exists in the root namespace and is not part of lab '"
                            + labName + "'");
                }
            }
        }
        return out;
    }

    private Map<String, String> otherLabsNamespaces(String self) {
        Map<String, String> owner = new HashMap<>();
        for (String other : Journal.labs(runDir)) {
            if (other.equals(self)) continue;
            try {
                for (String ns : Journal.open(runDir, other, true).namespaces()) owner.put(ns, other);
            } catch (RuntimeException e) {
                // an unreadable journal names no owner
            }
        }
        return owner;
    }
}
