package nslab.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the commands build, in the order they build it: namespaces, devices (by identity),
 * routes, sysctls, firewall rules and expectations, each with the command it came from; and the
 * commands that were skipped or could not be translated.
 */
public final class ImportModel {
    public static final String HOST = "host";

    /** A line of lab language that belongs to a namespace, with the command it came from. */
    record Setting(String namespace, String text, ShellCommand from) {}

    record RouteSetting(String namespace, String destination, String via, Device dev, ShellCommand from) {}

    record Reach(String from, String target, String dev, ShellCommand command) {}

    /** A command left out: a look-only one (skipped) or one nslab has no word for (untranslated). */
    public record Note(int line, String command, String reason) {
        public String format() {
            return "line " + line + ": " + command + " — " + reason;
        }
    }

    final List<String> namespaces = new ArrayList<>();
    final List<Device> devices = new ArrayList<>();
    final List<RouteSetting> routes = new ArrayList<>();
    final Map<String, Setting> sysctls = new LinkedHashMap<>();
    final List<Setting> rules = new ArrayList<>();
    final List<Reach> reaches = new ArrayList<>();
    final List<Note> skipped = new ArrayList<>();
    final List<Note> untranslated = new ArrayList<>();
    /** Commands translated on an assumption (a process's namespace taken for the shell unshare opened). */
    final List<Note> readAs = new ArrayList<>();

    boolean knows(String namespace) {
        return namespace.equals(HOST) || namespaces.contains(namespace);
    }

    Optional<Device> device(String namespace, String name) {
        return devices.stream().filter(d -> d.namespace.equals(namespace) && d.name.equals(name)).findFirst();
    }

    /**
     * Deletes a device (and a veth's other end), with what goes with it in the kernel: its routes,
     * its ports, its per-device sysctls; and the pings that went out of it or to its addresses,
     * which tested something no longer there.
     */
    void remove(Device d) {
        for (Device gone : d.peer == null ? List.of(d) : List.of(d, d.peer)) {
            devices.remove(gone);
            routes.removeIf(r -> r.dev() == gone);
            devices.forEach(other -> {
                if (other.master == gone) other.master = null;
            });
            // a macvlan goes with its parent, as in the kernel
            List.copyOf(devices).stream().filter(o -> o.parent == gone).forEach(this::remove);
            forgetConf(gone);
            reaches.removeIf(r -> r.from().equals(gone.namespace) && gone.name.equals(r.dev())
                    || gone.addresses.stream().anyMatch(a -> a.equals(r.target()) || a.startsWith(r.target() + "/")));
        }
    }

    /** The device's own sysctls (net.ipv4.conf.NAME.*) in its namespace, which leave with it. */
    void forgetConf(Device d) {
        sysctls.keySet().removeIf(k -> List.of("ipv4.conf", "ipv6.conf", "ipv4.neigh", "ipv6.neigh").stream()
                .anyMatch(part -> k.equals(sysctlKey(d.namespace, "net." + part + "." + d.name))
                        || k.startsWith(sysctlKey(d.namespace, "net." + part + "." + d.name + "."))));
    }

    /** Sysctls are kept by namespace and key: a second write of a key replaces the first. */
    static String sysctlKey(String namespace, String key) {
        return namespace + " " + key;
    }

    /** {@code base}, or base2, base3, ...: the first name no namespace has. */
    String freeNamespaceName(String base) {
        for (int i = 1; ; i++) {
            String name = i == 1 ? base : base + i;
            if (!knows(name)) return name;
        }
    }

    /** The kernel's name for a new veth end without one: the first free vethN of the namespace. */
    String freeVethName(String namespace, String taken) {
        for (int i = 0; ; i++) {
            String name = "veth" + i;
            if (!name.equals(taken) && device(namespace, name).isEmpty()) return name;
        }
    }

    public List<Note> skipped() {
        return List.copyOf(skipped);
    }

    public List<Note> untranslated() {
        return List.copyOf(untranslated);
    }
}
