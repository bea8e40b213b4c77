package nslab.model;

import java.util.Map;

/** Conditions on an interface's outgoing traffic: netem impairments and/or a rate limit. */
public record LinkCondition(String namespace, String dev, Map<String, String> netem, String rate, Source source) {
    public LinkCondition {
        netem = Map.copyOf(netem);
    }

    public boolean hasNetem() {
        return !netem.isEmpty();
    }
}
