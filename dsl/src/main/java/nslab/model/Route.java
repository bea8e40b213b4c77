package nslab.model;

/** A route: destination ("default" or a prefix), through a gateway ({@code via}), a device, or both. */
public record Route(String namespace, String destination, String via, String dev, Source source) {
    public boolean isDefault() {
        return "default".equals(destination);
    }

    /** IPv6 if the destination or the gateway is. */
    public boolean v6() {
        return (destination != null && destination.contains(":")) || (via != null && via.contains(":"));
    }
}
