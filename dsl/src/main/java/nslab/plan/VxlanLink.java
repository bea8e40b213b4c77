package nslab.plan;

import java.util.ArrayList;
import java.util.List;

/** A VXLAN with VNI {@code id} on UDP {@code port}; {@code remote} and {@code dev} null when not given. */
public record VxlanLink(int id, String remote, String dev, int port) implements LinkKind {
    static final int IFLA_VXLAN_ID = 1;
    static final int IFLA_VXLAN_GROUP = 2;
    static final int IFLA_VXLAN_LINK = 3;
    static final int IFLA_VXLAN_LEARNING = 7;
    static final int IFLA_VXLAN_PORT = 15;
    static final int IFLA_VXLAN_GROUP6 = 16;

    public List<String> args(String name, String into) {
        List<String> a = new ArrayList<>(List.of("link", "add", "name", name, "type", "vxlan", "id", String.valueOf(id)));
        if (remote != null) a.addAll(List.of("remote", remote));
        if (dev != null) a.addAll(List.of("dev", dev));
        a.addAll(List.of("dstport", String.valueOf(port)));
        return a;
    }

    public String kind() {
        return "vxlan";
    }

    @Override
    public String stackedOn() {
        return dev;
    }

    public void data(LinkRequest r) {
        if (dev != null) r.device(IFLA_VXLAN_LINK, dev);
        r.u32(IFLA_VXLAN_ID, id);
        if (remote != null) r.address(IFLA_VXLAN_GROUP, IFLA_VXLAN_GROUP6, remote);
        r.u8(IFLA_VXLAN_LEARNING, 1); // iproute2 sends learning on unless told "nolearning"
        r.be16(IFLA_VXLAN_PORT, port);
    }

    public String explanation(String name, String namespace) {
        return "creates VXLAN " + name + " with VNI " + id + ": Ethernet frames wrapped in UDP port " + port
                + (remote != null ? " to " + remote : "");
    }
}
