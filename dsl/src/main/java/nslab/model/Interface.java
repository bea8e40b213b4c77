package nslab.model;

/**
 * A network interface in one namespace. Settings left null keep the kernel's default.
 * {@code master} is the bridge this interface is a port of, if any.
 */
public record Interface(String namespace, String name, DeviceKind kind, Integer mtu, String mac,
                        boolean up, String master, Source source) {

    public boolean isVeth() {
        return kind instanceof DeviceKind.Veth;
    }

    /** Whether this lab creates the device (a referenced machine interface it does not). */
    public boolean created() {
        return !(kind instanceof DeviceKind.Referenced);
    }
}
