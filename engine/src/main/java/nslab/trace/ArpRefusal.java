package nslab.trace;

/**
 * Why the owner of a next hop does not answer an ARP request from {@code src}: the request comes from
 * {@code ns}'s own address, the reverse-path filter drops it (no route back, or back by another
 * interface than {@code dev}), {@code arp_ignore} ({@code value}) answers none or none from another
 * subnet than {@code target}'s, or {@code arp_filter} sends the route back elsewhere.
 */
public record ArpRefusal(Reason reason, String src, String ns, String dev, String target, int value) {
    public enum Reason { OWN_ADDRESS, RP_NO_ROUTE_BACK, RP_OTHER_INTERFACE, IGNORE_ALL, IGNORE_OTHER_SUBNET, ARP_FILTER }
}
