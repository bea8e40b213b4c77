package nslab.model;

/**
 * A route: destination ("default" or a prefix), through a gateway ({@code via}), a device, or both.
 * {@code auto} is how {@code routes 'auto'} chose it, null for a route the script writes.
 */
public record Route(String namespace, String destination, String via, String dev, Source source, Auto auto) {

    /**
     * A worked-out route: the namespace it goes through, and its hops: the links a packet crosses
     * to reach the destination, the destination subnet's own link included (a full-length
     * address: to reach the namespace that has it).
     */
    public record Auto(String viaNamespace, int hops) {}

    public Route(String namespace, String destination, String via, String dev, Source source) {
        this(namespace, destination, via, dev, source, null);
    }

    public boolean isDefault() {
        return "default".equals(destination);
    }

    /** IPv6 if the destination or the gateway is. */
    public boolean v6() {
        return (destination != null && destination.contains(":")) || (via != null && via.contains(":"));
    }
}
