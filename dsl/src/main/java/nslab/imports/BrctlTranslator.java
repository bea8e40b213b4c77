package nslab.imports;

import java.util.Optional;

/** {@code brctl addbr BR}, {@code addif BR IF...}, {@code delif}, {@code delbr}; {@code show...} only shows. */
final class BrctlTranslator implements Translator {
    @Override
    public void translate(ShellCommand c, String ns, Translation t) {
        var w = c.words();
        String action = w.size() > 1 ? w.get(1) : "show";
        if (action.startsWith("show")) {
            t.skip(c, "only shows something");
            return;
        }
        if (w.size() < 3) {
            t.refuse(c, "brctl " + action + " without a bridge");
            return;
        }
        String bridge = w.get(2);
        switch (action) {
            case "addbr" -> {
                if (IpLink.taken(c, ns, bridge, t)) return;
                Device br = new Device(Device.Kind.BRIDGE, bridge, ns, c);
                br.settled = true;
                t.model.devices.add(br);
            }
            case "delbr" -> t.device(c, ns, bridge).ifPresent(t.model::remove);
            case "addif", "delif" -> {
                Optional<Device> br = t.device(c, ns, bridge);
                if (br.isEmpty()) return;
                if (br.get().kind != Device.Kind.BRIDGE) {
                    t.refuse(c, bridge + " is no bridge");
                    return;
                }
                if (w.size() < 4) {
                    t.refuse(c, "brctl " + action + " " + bridge + " without an interface");
                    return;
                }
                for (String port : w.subList(3, w.size())) {
                    Optional<Device> d = t.device(c, ns, port);
                    if (d.isEmpty()) return;
                    d.get().master = action.equals("addif") ? br.get() : null;
                    d.get().settle();
                }
            }
            default -> t.refuse(c, "brctl " + action + " has no word in the lab language");
        }
    }
}
