package nslab.netlink;

import static nslab.netlink.Rtnl.*;

import nslab.plan.LinkKind;
import nslab.plan.LinkRequest;

/**
 * RTM_NEWLINK that creates a device, laid out attribute for attribute as {@code ip link add}
 * lays it out: the namespace it is made in (as an open descriptor), its parent, its name, then
 * the kind and the kind's own attributes, which the {@link LinkKind} writes.
 */
final class NewLinkMessage {
    private NewLinkMessage() {}

    /** A device named in {@code kind}'s own attributes that is not where the request is sent. */
    static final class Missing extends Exception {
        final Refusal refusal;

        Missing(Refusal refusal) {
            super(refusal.words(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** {@code intoFd}: -1 to make it where the socket is; {@code parentIndex}: 0 for none. */
    static byte[] of(Target place, String name, int intoFd, int parentIndex, LinkKind kind) throws Missing {
        MessageWriter w = new MessageWriter(RTM_NEWLINK, CREATE).ifinfo(0, 0, 0);
        if (intoFd >= 0) w.attrU32(IFLA_NET_NS_FD, intoFd);
        if (parentIndex > 0) w.attrU32(IFLA_LINK, parentIndex);
        w.attrString(IFLA_IFNAME, name).begin(IFLA_LINKINFO).attrText(IFLA_INFO_KIND, kind.kind());
        Data data = new Data(w, place);
        kind.data(data);
        if (data.missing != null) throw new Missing(data.missing);
        if (data.open) w.end();
        return w.end().bytes();
    }

    /** IFLA_INFO_DATA, opened at the kind's first attribute (a kind without any sends none). */
    private static final class Data implements LinkRequest {
        private final MessageWriter w;
        private final Target place;
        boolean open;
        Refusal missing;

        Data(MessageWriter w, Target place) {
            this.w = w;
            this.place = place;
        }

        private MessageWriter w() {
            if (!open) {
                w.begin(IFLA_INFO_DATA);
                open = true;
            }
            return w;
        }

        public void u8(int type, int value) { w().attrU8(type, value); }

        public void u16(int type, int value) { w().attrU16(type, value); }

        public void u32(int type, int value) { w().attrU32(type, value); }

        public void be16(int type, int value) { w().attrBe16(type, value); }

        public void address(int type4, int type6, String address) {
            byte[] a = Prefix.address(address);
            w().attr(a.length == 4 ? type4 : type6, a);
        }

        public void device(int type, String device) {
            int index = place.index(device);
            if (index == 0 && missing == null) missing = Refusal.noDevice(device);
            w().attrU32(type, index);
        }

        public void peer(int type, String name, String namespace) {
            int fd = -1;
            if (namespace != null && (fd = place.namespaceFd(namespace)) < 0 && missing == null) {
                missing = Refusal.noNamespace(namespace);
            }
            w().begin(type).ifinfo(0, 0, 0);
            if (fd >= 0) w.attrU32(IFLA_NET_NS_FD, fd);
            w.attrString(IFLA_IFNAME, name).end();
        }
    }
}
