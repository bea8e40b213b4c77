package nslab.model;

/** An iptables rule in one namespace. */
public sealed interface FirewallRule {
    String namespace();

    Source source();

    /** Source NAT to the outgoing interface's address for packets from {@code from}. */
    record Masquerade(String namespace, String from, String out, Source source) implements FirewallRule {}

    /** Forwarded packets between interfaces accepted ({@code accept}) or dropped ({@code drop}). */
    record Forward(String namespace, boolean accept, String in, String out, Source source) implements FirewallRule {}

    /** Destination NAT: connections to {@code port} go to {@code toAddress:toPort}. */
    record ForwardPort(String namespace, int port, String toAddress, int toPort, String in, String proto,
                       Source source) implements FirewallRule {}
}
