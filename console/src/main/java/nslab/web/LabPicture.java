package nslab.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.command.Graphviz;
import nslab.model.Address;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.render.TopologyPicture;

/**
 * The lab as the page draws it: its namespaces with their interfaces and addresses, its bridges
 * and cables, and the picture {@code nslab graph --format svg} draws (null without Graphviz, when
 * the page lists what it would have drawn).
 */
final class LabPicture {
    private LabPicture() {}

    static Map<String, Object> of(WebLab web, String path) {
        Lab lab = web.lab();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lab", lab.name());
        m.put("live", web.live());
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (Namespace ns : lab.namespaces()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("name", ns.name());
            n.put("host", ns.host());
            n.put("forward", ns.forward());
            List<Map<String, Object>> interfaces = new ArrayList<>();
            for (Interface i : ns.interfaces()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("name", i.name());
                f.put("kind", i.kind().word());
                f.put("bridge", i.kind() instanceof DeviceKind.Bridge);
                f.put("master", i.master());
                f.put("addresses", ns.addressesOf(i.name()).stream().map(Address::text).toList());
                interfaces.add(f);
            }
            n.put("interfaces", interfaces);
            namespaces.add(n);
        }
        m.put("namespaces", namespaces);
        List<Map<String, Object>> cables = new ArrayList<>();
        for (Cables.Cable c : Cables.of(lab).all()) {
            Map<String, Object> cable = new LinkedHashMap<>();
            cable.put("id", c.id());
            cable.put("a", Map.of("namespace", c.a().namespace(), "iface", c.a().iface()));
            cable.put("b", Map.of("namespace", c.b().namespace(), "iface", c.b().iface()));
            cables.add(cable);
        }
        m.put("cables", cables);
        m.put("svg", svg(lab, path));
        return m;
    }

    /** The SVG element alone (without its XML prolog), drawn as the script has the links: the events colour them live. */
    private static String svg(Lab lab, String path) {
        return Graphviz.onPath(path).map(dot -> {
            String svg = new String(dot.render(new TopologyPicture().dot(lab, TopologyPicture.Links.FROM_SCRIPT), "svg"), StandardCharsets.UTF_8);
            int start = svg.indexOf("<svg");
            return start < 0 ? null : svg.substring(start);
        }).orElse(null);
    }
}
