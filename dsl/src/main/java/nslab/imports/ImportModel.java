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

    boolean knows(String namespace) {
        return namespace.equals(HOST) || namespaces.contains(namespace);
    }

    Optional<Device> device(String namespace, String name) {
        return devices.stream().filter(d -> d.namespace.equals(namespace) && d.name.equals(name)).findFirst();
    }

    void remove(Device d) {
        devices.remove(d);
        if (d.peer != null) devices.remove(d.peer);
        routes.removeIf(r -> r.dev() == d || r.dev() == d.peer);
        devices.forEach(other -> {
            if (other.master == d) other.master = null;
        });
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
