package nslab.plan;

import java.util.List;

/** A bridge. */
public record BridgeLink() implements LinkKind {
    public List<String> args(String name, String into) {
        return List.of("link", "add", "name", name, "type", "bridge");
    }

    public String kind() {
        return "bridge";
    }

    public String explanation(String name, String namespace) {
        return "creates bridge " + name + " in " + namespace + ": a virtual switch that forwards"
                + " Ethernet frames between the interfaces attached to it";
    }
}
