package nslab.model;

import java.util.Map;

/**
 * A network interface in one namespace. Settings left null keep the kernel's default.
 * {@code master} is the bridge this interface is a port of, if any. {@code settingLines} says
 * where a setting ("mtu", "mac", "master", "up") was written, when not on the declaring line.
 */
public record Interface(String namespace, String name, DeviceKind kind, Integer mtu, String mac,
                        boolean up, String master, Source source, Map<String, Source> settingLines) {

    /** Every network namespace's own loopback: there from its start, never made by a lab. */
    public static final String LOOPBACK = "lo";

    public Interface {
        settingLines = Map.copyOf(settingLines);
    }

    public Interface(String namespace, String name, DeviceKind kind, Integer mtu, String mac,
                     boolean up, String master, Source source) {
        this(namespace, name, kind, mtu, mac, up, master, source, Map.of());
    }

    public boolean isVeth() {
        return kind instanceof DeviceKind.Veth;
    }

    /** Whether this lab creates the device (a referenced machine interface it does not). */
    public boolean created() {
        return !(kind instanceof DeviceKind.Referenced);
    }

    /** The line where a setting was written, or the declaring line. */
    public Source lineOf(String setting) {
        return settingLines.getOrDefault(setting, source);
    }
}
