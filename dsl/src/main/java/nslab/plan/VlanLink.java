package nslab.plan;

import java.util.List;

/** An 802.1Q VLAN on {@code parent} with VLAN id {@code id}. */
public record VlanLink(String parent, int id) implements LinkKind {
    static final int IFLA_VLAN_ID = 1;

    public List<String> args(String name, String into) {
        return List.of("link", "add", "name", name, "link", parent, "type", "vlan", "id", String.valueOf(id));
    }

    public String kind() {
        return "vlan";
    }

    @Override
    public String parent() {
        return parent;
    }

    public void data(LinkRequest r) {
        r.u16(IFLA_VLAN_ID, id);
    }

    public String explanation(String name, String namespace) {
        return "creates 802.1Q VLAN " + name + " on " + parent + ": frames leave tagged with VLAN id " + id;
    }
}
