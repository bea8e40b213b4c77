package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What a step brings into being on the kernel, and what that lives in: the engine's view of a
 * step, so that it never has to work it out from the words of the command.
 * <p>
 * {@code namespace} is where it lives (null: the root namespace). {@code name} is what it is
 * called there: the namespace a {@link Kind#NAMESPACE} step creates, an address, a route's
 * destination, a sysctl's key, an iptables table. {@code creates} lists the devices a
 * {@link Kind#DEVICE} step makes (both ends of a veth, each where it lands); {@code on} the
 * devices it hangs on (an address's device, a macvlan's parent, a bridge port's bridge), which take
 * it along when they go.
 */
public record Effect(Kind kind, String namespace, String name, List<Device> creates, List<Device> on) {
    public enum Kind { NAMESPACE, DEVICE, ADDRESS, ROUTE, LINK_SETTING, SYSCTL, RULE, QDISC, PROCESS, OTHER }

    /** A device in a namespace (null: the root namespace). */
    public record Device(String namespace, String name) {}

    public Effect {
        creates = List.copyOf(creates);
        on = List.copyOf(on);
    }

    public static Effect namespace(String name) {
        return new Effect(Kind.NAMESPACE, null, name, List.of(), List.of());
    }

    /** Devices made by one command; {@code at} is where the command runs. */
    public static Effect devices(String at, List<Device> created, List<Device> on) {
        return new Effect(Kind.DEVICE, at, created.get(0).name(), created, on);
    }

    public static Effect device(String at, String name, String parent) {
        return devices(at, List.of(new Device(at, name)), parent == null ? List.of() : List.of(new Device(at, parent)));
    }

    public static Effect address(String at, String dev, String address) {
        return new Effect(Kind.ADDRESS, at, address, List.of(), List.of(new Device(at, dev)));
    }

    public static Effect route(String at, String dev, String destination) {
        return new Effect(Kind.ROUTE, at, destination, List.of(), dev == null ? List.of() : List.of(new Device(at, dev)));
    }

    /** A setting of devices that exist already: MTU, MAC, up, a bridge port. */
    public static Effect linkSetting(String at, String... devices) {
        List<Device> on = new ArrayList<>();
        for (String d : devices) on.add(new Device(at, d));
        return new Effect(Kind.LINK_SETTING, at, devices[0], List.of(), on);
    }

    /** A kernel setting; a per-device key ({@code net.ipv4.conf.eth0.forwarding}) hangs on its device. */
    public static Effect sysctl(String at, String key) {
        String[] k = key.split("\\.");
        boolean perDevice = k.length >= 5 && k[2].equals("conf") && !k[3].equals("all") && !k[3].equals("default");
        return new Effect(Kind.SYSCTL, at, key, List.of(), perDevice ? List.of(new Device(at, k[3])) : List.of());
    }

    /** An iptables rule; it names interfaces but outlives them, so it hangs on none. */
    public static Effect rule(String at, String table) {
        return new Effect(Kind.RULE, at, table, List.of(), List.of());
    }

    public static Effect qdisc(String at, String dev) {
        return new Effect(Kind.QDISC, at, dev, List.of(), List.of(new Device(at, dev)));
    }

    /** A step nobody described (one made by hand): it creates nothing the engine tracks. */
    public static Effect other(String at) {
        return new Effect(Kind.OTHER, at, "", List.of(), List.of());
    }

    public static Effect process(String at) {
        return new Effect(Kind.PROCESS, at, "", List.of(), List.of());
    }

    /** The namespace a {@code NAMESPACE} step creates, else null. */
    public String createdNamespace() {
        return kind == Kind.NAMESPACE ? name : null;
    }

    /** Every named namespace this lives in or reaches into (a veth made from the host: its ends'). */
    public List<String> namespaces() {
        List<String> out = new ArrayList<>();
        if (kind == Kind.NAMESPACE) return out;
        if (namespace != null) out.add(namespace);
        for (Device d : creates) if (d.namespace() != null && !out.contains(d.namespace())) out.add(d.namespace());
        return out;
    }
}
