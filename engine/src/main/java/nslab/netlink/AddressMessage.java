package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/** RTM_NEWADDR / RTM_DELADDR: {@code ip addr add|del ADDR/LEN dev DEV [nodad]}. */
final class AddressMessage {
    private AddressMessage() {}

    static byte[] add(Prefix p, int index, boolean nodad) {
        return message(RTM_NEWADDR, CREATE, p, index, nodad ? IFA_F_NODAD : 0);
    }

    static byte[] del(Prefix p, int index) {
        return message(RTM_DELADDR, SET, p, index, 0);
    }

    private static byte[] message(int type, int flags, Prefix p, int index, int ifaFlags) {
        return new MessageWriter(type, flags).u8(p.family()).u8(p.length()).u8(ifaFlags).u8(0).u32(index)
                .attr(IFA_LOCAL, p.address()).attr(IFA_ADDRESS, p.address()).bytes();
    }
}
