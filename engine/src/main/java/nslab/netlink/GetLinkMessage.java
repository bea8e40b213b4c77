package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/** RTM_GETLINK of one device by name, without statistics: how a name becomes an index. */
final class GetLinkMessage {
    private GetLinkMessage() {}

    static byte[] byName(String name) {
        return new MessageWriter(RTM_GETLINK, NLM_F_REQUEST).ifinfo(0, 0, 0)
                .attrU32(IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS).attrString(IFLA_IFNAME, name).bytes();
    }
}
