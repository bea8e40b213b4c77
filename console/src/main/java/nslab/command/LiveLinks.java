package nslab.command;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import nslab.engine.Engine;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.render.TopologyPicture;

/**
 * Which of a lab's interfaces are up, as the kernel has them when the lab is live (a cable taken
 * down with {@code link A B down} or {@code ip link set ... down} is drawn down); the script's
 * settings when the lab is not live or this process may not look into its namespaces.
 */
final class LiveLinks {
    private LiveLinks() {}

    static TopologyPicture.Links of(LabSource source, Lab lab, PrintWriter out) {
        Engine engine;
        try {
            engine = source.engine("graph", out);
        } catch (Precondition notHere) {
            return TopologyPicture.Links.FROM_SCRIPT;
        }
        if (!engine.isLive(lab.name())) return TopologyPicture.Links.FROM_SCRIPT;
        Map<String, Map<String, String>> states = new HashMap<>();
        for (Namespace ns : lab.namespaces()) {
            String name = ns.host() ? null : ns.name();
            states.put(name, engine.live().linkStates(name));
        }
        return (namespace, iface) -> {
            String state = states.getOrDefault(namespace, Map.of()).get(iface);
            if (state == null) return null;
            return !state.equals("DOWN") && !state.equals("LOWERLAYERDOWN");
        };
    }
}
