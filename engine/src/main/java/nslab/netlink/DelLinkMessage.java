package nslab.netlink;

import static nslab.netlink.Rtnl.*;

/** RTM_DELLINK: {@code ip link del dev NAME}. */
final class DelLinkMessage {
    private DelLinkMessage() {}

    static byte[] of(int index) {
        return new MessageWriter(RTM_DELLINK, SET).ifinfo(index, 0, 0).bytes();
    }
}
