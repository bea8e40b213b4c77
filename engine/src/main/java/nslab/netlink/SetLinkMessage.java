package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/** RTM_NEWLINK without create flags: changes one thing of an existing device, as {@code ip link set}. */
final class SetLinkMessage {
    private SetLinkMessage() {}

    static byte[] up(int index) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, IFF_UP, IFF_UP).bytes();
    }

    static byte[] down(int index) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, 0, IFF_UP).bytes();
    }

    static byte[] mtu(int index, int mtu) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, 0, 0).attrU32(IFLA_MTU, mtu).bytes();
    }

    static byte[] address(int index, byte[] mac) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, 0, 0).attr(IFLA_ADDRESS, mac).bytes();
    }

    /** {@code master BRIDGE}; index 0 is {@code nomaster}. */
    static byte[] master(int index, int masterIndex) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, 0, 0).attrU32(IFLA_MASTER, masterIndex).bytes();
    }

    /** {@code addrgenmode none|eui64|stable_secret|random}: how the kernel makes an interface's IPv6 link-local address. */
    static byte[] addrGenMode(int index, int mode) {
        return new MessageWriter(RTM_NEWLINK, SET).ifinfo(index, 0, 0)
                .begin(IFLA_AF_SPEC).begin(AF_INET6).attr(IFLA_INET6_ADDR_GEN_MODE, new byte[] {(byte) mode}).end().end().bytes();
    }
}
