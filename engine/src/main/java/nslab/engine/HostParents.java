package nslab.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nslab.check.Suggestions;
import nslab.exec.Executor;
import nslab.plan.Effect;
import nslab.plan.Step;

/**
 * Interfaces of the root namespace that new devices sit on without the lab making them (a
 * {@code macvlan ... from: 'host'} on the machine's own eth0): the lab can only be applied where
 * each of them exists, which is known only on the machine, so it is looked at before anything
 * is changed.
 */
final class HostParents {
    private HostParents() {}

    /** What is missing, one sentence each; empty when every such parent is there. */
    static List<String> missing(List<Step> plan, List<Step> add, Executor exec) {
        Set<String> made = new HashSet<>();
        for (Step s : plan) {
            for (Effect.Device d : s.effect().creates()) if (d.namespace() == null) made.add(d.name());
        }
        List<Step> needing = new ArrayList<>();
        for (Step s : add) {
            if (s.effect().kind() != Effect.Kind.DEVICE) continue;
            if (s.effect().on().stream().anyMatch(d -> d.namespace() == null && !made.contains(d.name()))) needing.add(s);
        }
        List<String> out = new ArrayList<>();
        if (needing.isEmpty()) return out;
        Map<String, String> host = Identities.hostLinks(exec);
        Set<String> names = new TreeSet<>(host.keySet());
        names.addAll(made);
        for (Step s : needing) {
            for (Effect.Device d : s.effect().on()) {
                if (d.namespace() != null || made.contains(d.name()) || host.containsKey(d.name())) continue;
                String hint = Suggestions.didYouMean(d.name(), names);
                out.add(s.source() + ": " + s.effect().name() + " sits on the host's interface " + d.name()
                        + ", which this machine does not have" + (hint != null ? " (" + hint + ")" : "")
                        + "; its interfaces: " + String.join(", ", host.keySet()));
            }
        }
        return out;
    }
}
