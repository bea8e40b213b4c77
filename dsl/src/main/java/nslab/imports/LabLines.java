package nslab.imports;

import java.util.ArrayList;
import java.util.List;

/**
 * The lab the model stands for, as lines of lab language grouped the way a person would write
 * them: a block per namespace (host last), in it each device the namespace declares followed by
 * its settings, then the devices declared elsewhere ({@code dev 'X' { ... }}), then routes,
 * sysctls and rules; and the expectations. {@link LabWriter} lays it out as a file, and
 * {@link ShellImporter.Session} as console entries.
 */
final class LabLines {
    /** A line of lab language and, where it helps, the command it came from. */
    record Line(String text, String comment) {}

    /** A device of a block: its declaration (null when declared in another block), ports, settings. */
    record DeviceLines(String name, Device.Kind kind, Line declaration, List<String> ports, List<Line> settings) {}

    record Block(String namespace, List<DeviceLines> devices, List<Line> lines) {
        boolean isHost() {
            return namespace.equals(ImportModel.HOST);
        }

        String opening() {
            return isHost() ? "host {" : "namespace " + LabText.quote(namespace) + " {";
        }
    }

    final List<Block> blocks = new ArrayList<>();
    final List<Line> expectations = new ArrayList<>();

    /**
     * @param consoleMode leaves out what the console must not add yet: a veth whose ends may still
     *                    move, and the {@code down} of a device no command has brought up so far
     */
    static LabLines of(ImportModel model, boolean consoleMode) {
        LabLines lab = new LabLines();
        List<String> order = new ArrayList<>(model.namespaces);
        order.add(ImportModel.HOST);
        for (String ns : order) {
            Block block = new Block(ns, new ArrayList<>(), new ArrayList<>());
            for (Device d : model.devices) {
                if (!d.namespace.equals(ns) || consoleMode && !d.settled) continue;
                block.devices.add(device(model, d, consoleMode));
            }
            for (ImportModel.RouteSetting r : model.routes) {
                if (r.namespace().equals(ns)) block.lines.add(new Line(route(r), comment(r.from())));
            }
            model.sysctls.values().stream().filter(s -> s.namespace().equals(ns))
                    .forEach(s -> block.lines.add(new Line(s.text(), comment(s.from()))));
            model.rules.stream().filter(s -> s.namespace().equals(ns))
                    .forEach(s -> block.lines.add(new Line(s.text(), comment(s.from()))));
            if (!block.isHost() || !block.devices.isEmpty() || !block.lines.isEmpty()) lab.blocks.add(block);
        }
        for (ImportModel.Reach r : model.reaches) {
            lab.expectations.add(new Line((r.from().equals(ImportModel.HOST) ? "reach 'host'" : "reach " + LabText.quote(r.from()))
                    + " to " + LabText.quote(r.target()) + (r.dev() != null ? ", dev: " + LabText.quote(r.dev()) : ""),
                    comment(r.command())));
        }
        return lab;
    }

    private static DeviceLines device(ImportModel model, Device d, boolean consoleMode) {
        List<Line> settings = new ArrayList<>();
        for (String a : d.addresses) settings.add(new Line("ip " + LabText.quote(a), comment(d.addressFrom.get(a))));
        if (d.mtu != null) settings.add(new Line("mtu " + d.mtu, null));
        if (d.mac != null) settings.add(new Line("mac " + LabText.quote(d.mac), null));
        if (!d.netem.isEmpty()) {
            List<String> parts = new ArrayList<>();
            d.netem.forEach((k, v) -> parts.add(k + ": " + LabText.quote(v)));
            settings.add(new Line("netem " + String.join(", ", parts), null));
        }
        if (d.rate != null) settings.add(new Line("rate " + LabText.quote(d.rate), null));
        if (Boolean.FALSE.equals(d.up)) settings.add(new Line("down", null));
        else if (d.up == null && !consoleMode) settings.add(new Line("down", "no command brings it up"));
        List<String> ports = model.devices.stream().filter(p -> p.master == d).map(p -> p.name).toList();
        return new DeviceLines(d.name, d.kind, declaration(model, d), ports, settings);
    }

    /** Where the device is declared: a veth by the end created first, anything else where it is. */
    private static Line declaration(ImportModel model, Device d) {
        return switch (d.kind) {
            case BRIDGE -> new Line("bridge " + LabText.quote(d.name), comment(d.created));
            case TAP -> new Line("tap " + LabText.quote(d.name), null);
            case TUN -> new Line("tun " + LabText.quote(d.name), null);
            case MACVLAN -> new Line("macvlan " + LabText.quote(d.name) + (d.mode.equals("bridge") ? "" : ", mode: " + LabText.quote(d.mode))
                    + " on " + LabText.quote(d.parentNow())
                    + (d.parentNamespace.equals(d.namespace) ? "" : ", from: " + LabText.quote(d.parentNamespace)),
                    d.mode.equals("vepa") && !d.created.words().contains("mode") ? "no mode given: the kernel's default, vepa" : null);
            case VETH -> {
                Device other = d.peer;
                if (model.devices.indexOf(other) < model.devices.indexOf(d)) yield null;
                String peer = other.namespace.equals(d.namespace) ? LabText.quote(other.name)
                        : LabText.quote(other.namespace) + ", name: " + LabText.quote(other.name);
                String note = d.renamed() || other.renamed()
                        ? "line " + d.created.line() + " made " + d.createdAs + " and " + other.createdAs + ", renamed later"
                        : null;
                yield new Line("veth " + LabText.quote(d.name) + " peer " + peer, note);
            }
        };
    }

    private static String route(ImportModel.RouteSetting r) {
        if (r.destination().equals("default") && r.via() != null && r.dev() == null) {
            return "gateway " + LabText.quote(r.via());
        }
        return "route " + LabText.quote(r.destination())
                + (r.via() != null ? " via " + LabText.quote(r.via()) : "")
                + (r.dev() != null ? " dev " + LabText.quote(r.dev().name) : "");
    }

    /** The original command, for lines that do not come from {@code ip}: there the mapping is not obvious. */
    private static String comment(ShellCommand c) {
        if (c == null || c.program().equals("ip")) return null;
        return c.text();
    }
}
