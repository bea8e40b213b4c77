package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/**
 * RTM_NEWLINK that creates a device, laid out attribute for attribute as {@code ip link add}
 * lays it out. A namespace is given as an open file descriptor of it ({@code -1}: where the
 * socket is); a parent device by its index.
 */
final class NewLinkMessage {
    private NewLinkMessage() {}

    /** {@code link add name NAME [netns A] type veth peer name PEER [netns B]}. */
    static byte[] veth(String name, int nsFd, String peer, int peerNsFd) {
        MessageWriter w = new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0);
        if (nsFd >= 0) w.attrU32(IFLA_NET_NS_FD, nsFd);
        w.attrString(IFLA_IFNAME, name);
        w.begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, "veth").begin(IFLA_INFO_DATA).begin(VETH_INFO_PEER);
        w.ifinfo(0, 0, 0);
        if (peerNsFd >= 0) w.attrU32(IFLA_NET_NS_FD, peerNsFd);
        w.attrString(IFLA_IFNAME, peer);
        return w.end().end().end().bytes();
    }

    /** {@code link add name NAME type bridge}. */
    static byte[] bridge(String name) {
        return new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0).attrString(IFLA_IFNAME, name)
                .begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, "bridge").end().bytes();
    }

    /** {@code link add name NAME link PARENT type macvlan mode MODE}. */
    static byte[] macvlan(String name, int parentIndex, String mode) {
        return macvlan(name, -1, parentIndex, mode);
    }

    /** {@code link add name NAME link PARENT [netns NS] type macvlan mode MODE}: the parent here, the device made in NS. */
    static byte[] macvlan(String name, int nsFd, int parentIndex, String mode) {
        MessageWriter w = new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0);
        if (nsFd >= 0) w.attrU32(IFLA_NET_NS_FD, nsFd);
        return w.attrU32(IFLA_LINK, parentIndex)
                .attrString(IFLA_IFNAME, name).begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, "macvlan")
                .begin(IFLA_INFO_DATA).attrU32(IFLA_MACVLAN_MODE, macvlanMode(mode)).end().end().bytes();
    }

    static int macvlanMode(String mode) {
        switch (mode) {
            case "private": return 1;
            case "vepa": return 2;
            case "bridge": return 4;
            case "passthru": return 8;
            case "source": return 16;
            default: throw new IllegalArgumentException("macvlan mode " + mode);
        }
    }

    /** {@code link add name NAME link PARENT type vlan id ID}. */
    static byte[] vlan(String name, int parentIndex, int id) {
        return new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0).attrU32(IFLA_LINK, parentIndex)
                .attrString(IFLA_IFNAME, name).begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, "vlan")
                .begin(IFLA_INFO_DATA).attrU16(IFLA_VLAN_ID, id).end().end().bytes();
    }

    /**
     * {@code link add name NAME type vxlan id ID [remote ADDR] [dev DEV] dstport PORT};
     * {@code remote} null when not given, {@code devIndex} 0 when not given.
     */
    static byte[] vxlan(String name, int id, byte[] remote, int devIndex, int port) {
        MessageWriter w = new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0).attrString(IFLA_IFNAME, name)
                .begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, "vxlan").begin(IFLA_INFO_DATA);
        if (devIndex > 0) w.attrU32(IFLA_VXLAN_LINK, devIndex);
        w.attrU32(IFLA_VXLAN_ID, id);
        if (remote != null) w.attr(remote.length == 4 ? IFLA_VXLAN_GROUP : IFLA_VXLAN_GROUP6, remote);
        // iproute2 sends learning on unless told "nolearning"
        w.attrU8(IFLA_VXLAN_LEARNING, 1).attrBe16(IFLA_VXLAN_PORT, port);
        return w.end().end().bytes();
    }
}
