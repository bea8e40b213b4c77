package nslab.engine;

import java.util.List;
import java.util.Map;
import nslab.plan.Command;
import nslab.plan.Tool;

/**
 * Turns what the kernel said into what a person needs: when the kernel does not know a device
 * kind or a queueing discipline, the likely cause is a kernel module that is not there.
 */
public final class KernelMessages {
    private static final Map<String, String> DEVICE_MODULES = Map.of(
            "vlan", "8021q", "dummy", "dummy", "vrf", "vrf", "vxlan", "vxlan", "macvlan", "macvlan",
            "bridge", "bridge", "veth", "veth", "ipvlan", "ipvlan", "bond", "bonding");

    private KernelMessages() {}

    /** One sentence explaining a failure, or null when there is nothing to add to the kernel's words. */
    public static String explain(Command c, String kernelSaid) {
        if (kernelSaid == null) return null;
        List<String> a = c.args();
        if (c.tool() == Tool.IP && kernelSaid.contains("Unknown device type")) {
            int type = a.indexOf("type");
            String kind = type >= 0 && type + 1 < a.size() ? a.get(type + 1) : "?";
            return "the kernel refused device kind '" + kind + "': the module that provides it ("
                    + DEVICE_MODULES.getOrDefault(kind, kind) + ") may be missing from this kernel";
        }
        if (c.tool() == Tool.TC && (kernelSaid.contains("qdisc kind is unknown") || kernelSaid.contains("Unknown qdisc"))) {
            String kind = "?";
            for (int i = 0; i < a.size(); i++) {
                if ((a.get(i).equals("root") || a.get(i).equals("parent")) && i + 1 < a.size()) {
                    kind = a.get(i).equals("root") ? a.get(i + 1) : (i + 2 < a.size() ? a.get(i + 2) : "?");
                    break;
                }
            }
            return "the kernel refused qdisc '" + kind + "': its module (sch_" + kind + ") may be missing from this kernel";
        }
        if (kernelSaid.contains("File exists")) {
            return "it already exists: something outside this lab made it, or an earlier step did";
        }
        if (kernelSaid.contains("Operation not permitted") || kernelSaid.contains("Permission denied")) {
            return "not allowed: nslab must run as root, or with --sandbox";
        }
        return null;
    }
}
