package nslab.plan;

import java.util.List;

/** One thing {@code ip link set} changes on a device. */
public sealed interface LinkChange {
    List<String> words();

    record Up() implements LinkChange {
        public List<String> words() { return List.of("up"); }
    }

    record Down() implements LinkChange {
        public List<String> words() { return List.of("down"); }
    }

    record Mtu(int mtu) implements LinkChange {
        public List<String> words() { return List.of("mtu", String.valueOf(mtu)); }
    }

    /** A MAC address, {@code 02:00:00:00:00:01}. */
    record Mac(String mac) implements LinkChange {
        public List<String> words() { return List.of("address", mac); }
    }

    /** Attached to a bridge. */
    record Master(String bridge) implements LinkChange {
        public List<String> words() { return List.of("master", bridge); }
    }

    record NoMaster() implements LinkChange {
        public List<String> words() { return List.of("nomaster"); }
    }

    /** How the kernel makes the device's IPv6 link-local address; the lab only ever turns it off ({@code none}). */
    record AddrGenMode(String mode) implements LinkChange {
        /** The kernel's numbers for iproute2's words (IN6_ADDR_GEN_MODE_*). */
        public static final List<String> MODES = List.of("eui64", "none", "stable_secret", "random");

        public AddrGenMode {
            if (!MODES.contains(mode)) throw new IllegalArgumentException("addrgenmode " + mode);
        }

        public List<String> words() { return List.of("addrgenmode", mode); }

        public int number() { return MODES.indexOf(mode); }
    }
}
