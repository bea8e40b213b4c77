package nslab.plan;

import java.util.List;

/** A TUN ({@code tap} false) or TAP device: made through /dev/net/tun, not by an rtnetlink request. */
public record TunTapLink(boolean tap) implements LinkKind {
    public List<String> args(String name, String into) {
        return List.of("tuntap", "add", "dev", name, "mode", kind());
    }

    public String kind() {
        return tap ? "tap" : "tun";
    }

    public String explanation(String name, String namespace) {
        return tap ? "creates TAP device " + name + ": Ethernet frames sent to it are read by a program"
                + " from /dev/net/tun, and frames it writes there arrive here"
                : "creates TUN device " + name + ": like TAP but carrying IP packets, no Ethernet"
                + " header, so it cannot join a bridge";
    }
}
