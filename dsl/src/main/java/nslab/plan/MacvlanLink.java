package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * A macvlan on {@code parent} in {@code mode}; {@code onHost}: the parent is the host's, and the
 * device is made from the root namespace straight into its own.
 */
public record MacvlanLink(String parent, String mode, boolean onHost) implements LinkKind {
    static final int IFLA_MACVLAN_MODE = 1;
    /** The kernel's numbers for the modes (MACVLAN_MODE_*). */
    static final List<String> MODES = List.of("private", "vepa", "bridge", "passthru", "source");

    public MacvlanLink {
        if (!MODES.contains(mode)) throw new IllegalArgumentException("macvlan mode " + mode);
    }

    public List<String> args(String name, String into) {
        List<String> a = new ArrayList<>(List.of("link", "add", "name", name, "link", parent));
        if (into != null) a.addAll(List.of("netns", into));
        a.addAll(List.of("type", "macvlan", "mode", mode));
        return a;
    }

    public String kind() {
        return "macvlan";
    }

    @Override
    public String parent() {
        return parent;
    }

    /** On the host's interface it comes first of all (the host's devices are made first), not after its parent. */
    @Override
    public String stackedOn() {
        return onHost ? null : parent;
    }

    public void data(LinkRequest r) {
        r.u32(IFLA_MACVLAN_MODE, 1 << MODES.indexOf(mode));
    }

    public String explanation(String name, String namespace) {
        if (onHost) {
            return "creates MACVLAN " + name + " on the host's " + parent + " and moves it into " + namespace
                    + ": an interface of " + namespace + " with its own MAC address on the host's wire ("
                    + mode + " mode); " + parent + " itself is left as it is";
        }
        return "creates MACVLAN " + name + " on " + parent + ": a second interface with its own"
                + " MAC address on the same wire (" + mode + " mode)";
    }
}
