package nslab.trace;

/**
 * What a trace sends: one ICMP echo (the default), a TCP connection attempt or a UDP datagram to a
 * port, over IPv4 or IPv6. {@code dev}, when set, is the interface it must leave by (as
 * {@code reach ... dev:} and {@code ping -I}).
 */
public record Probe(Kind kind, int port, boolean v6, String dev) {
    public enum Kind { ICMP, TCP, UDP }

    /**
     * The ICMP probe's payload size: an echo of exactly this size is the probe, told apart from a
     * default ping (56 bytes) by the kernel's length match (76 bytes on the wire for IPv4, 96 for
     * IPv6). No bigger than a default ping, so that a path with a small MTU answers the probe
     * whenever it answers {@code ping}.
     */
    public static final int PING_PAYLOAD = 48;

    public static Probe icmp(boolean v6, String dev) {
        return new Probe(Kind.ICMP, 0, v6, dev);
    }

    public String describe() {
        return switch (kind) {
            case ICMP -> "ping";
            case TCP -> "TCP port " + port;
            case UDP -> "UDP port " + port;
        };
    }

    /** The protocol name iptables matches on. */
    String protocol() {
        return switch (kind) {
            case ICMP -> v6 ? "ipv6-icmp" : "icmp";
            case TCP -> "tcp";
            case UDP -> "udp";
        };
    }
}
