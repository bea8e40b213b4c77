package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/**
 * RTM_NEWROUTE / RTM_DELROUTE in the main table: {@code ip [-6] route add|del DEST [via GW] [dev DEV]}.
 * As iproute2 does: an IPv4 route without a gateway has link scope, a delete asks for any scope
 * (IPv4) and any type, and an IPv6 default names {@code ::/0} where IPv4's names no destination.
 */
final class RouteMessage {
    private RouteMessage() {}

    /** {@code destination} null: default; {@code gateway} null: none; {@code oif} 0: no device. */
    static byte[] add(int family, Prefix destination, byte[] gateway, int oif) {
        int scope = family == AF_INET && gateway == null ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
        return message(RTM_NEWROUTE, CREATE, family, destination, gateway, oif, RTPROT_BOOT, scope, RTN_UNICAST);
    }

    static byte[] del(int family, Prefix destination, byte[] gateway, int oif) {
        int scope = family == AF_INET ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
        return message(RTM_DELROUTE, SET, family, destination, gateway, oif, 0, scope, 0);
    }

    private static byte[] message(int type, int flags, int family, Prefix dst, byte[] gateway, int oif,
                                  int protocol, int scope, int rtType) {
        MessageWriter w = new MessageWriter(type, flags).u8(family).u8(dst == null ? 0 : dst.length()).u8(0).u8(0)
                .u8(RT_TABLE_MAIN).u8(protocol).u8(scope).u8(rtType).u32(0);
        if (dst != null) w.attr(RTA_DST, dst.address());
        else if (family == AF_INET6) w.attr(RTA_DST, new byte[16]);
        if (gateway != null) w.attr(RTA_GATEWAY, gateway);
        if (oif > 0) w.attrU32(RTA_OIF, oif);
        return w.bytes();
    }
}
