package nslab.netlink;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An rtnetlink socket. It belongs to the network namespace of the thread that opened it, for
 * good: the thread may leave the namespace afterwards, and any thread may use the socket.
 * Requests go one at a time, each answered before the next (the kernel's acknowledgement with
 * its error number and extended-ack message is what a failure reports).
 */
final class NetlinkSocket implements AutoCloseable {
    private final int fd;
    // acknowledgements and one device's description: a few hundred bytes, at most a few kilobytes;
    // one buffer a thread, not a socket (a large lab opens a socket in each of its namespaces)
    private static final ThreadLocal<byte[]> REPLY = ThreadLocal.withInitial(() -> new byte[16 * 1024]);
    private final Map<String, Integer> indexes = new HashMap<>();
    private int seq = 1;

    /** Opens a socket in the calling thread's network namespace. */
    NetlinkSocket() {
        int s = LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_ROUTE);
        try {
            LibC.setsockopt(s, LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, new int[] {1}, 4);
            LibC.setsockopt(s, LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, new int[] {1}, 4);
            byte[] local = new byte[12]; // sockaddr_nl, pid 0: the kernel picks one
            local[0] = (byte) LibC.AF_NETLINK;
            LibC.bind(s, local, local.length);
        } catch (LastErrorException e) {
            LibC.close(s);
            throw e;
        }
        this.fd = s;
    }

    /** Sends a request and waits for its acknowledgement; null when it succeeded. */
    KernelError request(byte[] message) {
        int mySeq = send(message);
        byte[] reply = REPLY.get();
        while (true) {
            int n = receive(reply);
            ByteBuffer b = ByteBuffer.wrap(reply, 0, n).order(ByteOrder.nativeOrder());
            for (int at = 0; at + 16 <= n; ) {
                int len = b.getInt(at);
                int type = b.getShort(at + 4) & 0xffff;
                int flags = b.getShort(at + 6) & 0xffff;
                int s = b.getInt(at + 8);
                if (len < 16) break;
                if (s == mySeq && type == Rtnl.NLMSG_ERROR) return error(b, at, len, flags);
                at += (len + 3) & ~3;
            }
        }
    }

    /** The index of a device of this namespace, 0 when there is none by that name. */
    int index(String name) {
        Integer known = indexes.get(name);
        if (known != null) return known;
        int mySeq = send(GetLinkMessage.byName(name));
        byte[] reply = REPLY.get();
        while (true) {
            int n = receive(reply);
            ByteBuffer b = ByteBuffer.wrap(reply, 0, n).order(ByteOrder.nativeOrder());
            int len = b.getInt(0);
            if (n < 16 || len < 16 || b.getInt(8) != mySeq) continue;
            int type = b.getShort(4) & 0xffff;
            if (type == Rtnl.RTM_NEWLINK && len >= 32) {
                int index = b.getInt(20);
                indexes.put(name, index);
                return index;
            }
            return 0; // NLMSG_ERROR: no such device
        }
    }

    /** Names change meaning when devices come and go; the next lookup asks the kernel again. */
    void forget(String name) {
        indexes.remove(name);
    }

    private int send(byte[] message) {
        int mySeq = seq++;
        ByteBuffer.wrap(message).order(ByteOrder.nativeOrder()).putInt(8, mySeq);
        LibC.send(fd, message, message.length, 0);
        return mySeq;
    }

    private int receive(byte[] reply) {
        return (int) LibC.recv(fd, reply, reply.length, 0);
    }

    private static KernelError error(ByteBuffer b, int at, int len, int flags) {
        int errno = -b.getInt(at + 16);
        if (errno == 0) return null;
        String message = null;
        if ((flags & Rtnl.NLM_F_ACK_TLVS) != 0) {
            int origLen = b.getInt(at + 20);
            int attrs = at + 20 + ((flags & Rtnl.NLM_F_CAPPED) != 0 ? 16 : ((origLen + 3) & ~3));
            for (int a = attrs; a + 4 <= at + len; ) {
                int alen = b.getShort(a) & 0xffff;
                int atype = b.getShort(a + 2) & 0x3fff;
                if (alen < 4) break;
                if (atype == Rtnl.NLMSGERR_ATTR_MSG) {
                    int end = a + 4;
                    while (end < a + alen && b.get(end) != 0) end++;
                    message = new String(b.array(), a + 4, end - a - 4, StandardCharsets.UTF_8);
                }
                a += (alen + 3) & ~3;
            }
        }
        return new KernelError(errno, message);
    }

    @Override
    public void close() {
        LibC.close(fd);
    }
}
