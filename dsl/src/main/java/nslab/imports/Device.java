package nslab.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A device the commands create, followed through renames and moves: the object is its identity,
 * its name and namespace are only where it is now. {@code up} is null until a command sets it,
 * as a new device is down.
 */
final class Device {
    enum Kind { VETH, BRIDGE, TAP, TUN, MACVLAN }

    final Kind kind;
    final ShellCommand created;
    String name;
    String namespace;
    final String createdAs;
    Device peer;
    final List<String> addresses = new ArrayList<>();
    Boolean up;
    Device master;
    Integer mtu;
    String mac;
    final Map<String, String> netem = new LinkedHashMap<>();
    String rate;
    /** A macvlan's parent: a device the commands made, else the name of one of the machine's own (in host). */
    Device parent;
    String parentName;
    /** The namespace a macvlan's parent is in; the macvlan may have been moved out of it. */
    String parentNamespace;
    String mode;
    /** Some command configured it or placed both its ends: the console may add it to the lab. */
    boolean settled;

    /** Each address with the command that set it. */
    final java.util.Map<String, ShellCommand> addressFrom = new java.util.HashMap<>();

    Device(Kind kind, String name, String namespace, ShellCommand created) {
        this.kind = kind;
        this.name = name;
        this.namespace = namespace;
        this.createdAs = name;
        this.created = created;
    }

    boolean renamed() {
        return !name.equals(createdAs);
    }

    /** A macvlan's parent as it is called now. */
    String parentNow() {
        return parent != null ? parent.name : parentName;
    }

    /** Settles this device and its peer: it is now part of what the lab must show. */
    void settle() {
        settled = true;
        if (peer != null) peer.settled = true;
    }
}
