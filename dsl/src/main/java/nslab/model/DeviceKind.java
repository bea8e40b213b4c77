package nslab.model;

import java.util.List;

/** What kind of device an interface is, with what that kind needs to be created. */
public sealed interface DeviceKind {
    /** The word a user writes for this kind, also the kind name used by {@code ip link}. */
    String word();

    /**
     * One end of a veth pair. The end whose script line declared the pair is {@code primary} and
     * is the one whose step creates both ends.
     */
    record Veth(String peerNamespace, String peerName, boolean primary) implements DeviceKind {
        public String word() { return "veth"; }
    }

    record Bridge(List<String> ports) implements DeviceKind {
        public Bridge { ports = List.copyOf(ports); }
        public String word() { return "bridge"; }
    }

    record Tap() implements DeviceKind {
        public String word() { return "tap"; }
    }

    record Tun() implements DeviceKind {
        public String word() { return "tun"; }
    }

    /**
     * {@code parentNamespace} is null when the parent is in the macvlan's own namespace; {@code
     * 'host'} when it is the host's (made there and moved in): validation refuses any other value.
     */
    record Macvlan(String parent, String mode, String parentNamespace) implements DeviceKind {
        public Macvlan(String parent, String mode) {
            this(parent, mode, null);
        }

        public String word() { return "macvlan"; }

        /** The parent as a picture names it: {@code host's eth0} when it is the host's. */
        public String parentText() {
            return fromHost() ? "host's " + parent : parent;
        }

        /** Whether the parent is the host's: {@code macvlan 'mv1' on 'eth0', from: 'host'}. */
        public boolean fromHost() {
            return Namespace.HOST.equals(parentNamespace);
        }
    }

    record Vxlan(int id, String remote, String dev, int port) implements DeviceKind {
        public String word() { return "vxlan"; }
    }

    record Vlan(String parent, int id) implements DeviceKind {
        public String word() { return "vlan"; }
    }

    /** Only named with {@code dev}, never declared: valid only for the machine's own interfaces in host. */
    record Referenced() implements DeviceKind {
        public String word() { return "dev"; }
    }
}
