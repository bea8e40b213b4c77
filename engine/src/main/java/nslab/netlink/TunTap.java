package nslab.netlink;

import com.sun.jna.LastErrorException;
import java.nio.charset.StandardCharsets;

/**
 * {@code ip tuntap add dev NAME mode tun|tap}: a persistent device made through /dev/net/tun, as
 * iproute2 makes it (no packet-information header). The device belongs to the namespace of the
 * thread that opens /dev/net/tun.
 */
final class TunTap {
    private static final int IFF_TUN = 0x0001;
    private static final int IFF_TAP = 0x0002;
    private static final int IFF_NO_PI = 0x1000;
    private static final long TUNSETIFF = 0x400454caL;
    private static final long TUNSETPERSIST = 0x400454cbL;

    private TunTap() {}

    /** The {@code struct ifreq} for TUNSETIFF. */
    static byte[] ifreq(String name, boolean tap) {
        byte[] req = new byte[40];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, req, 0, Math.min(n.length, 15));
        int flags = (tap ? IFF_TAP : IFF_TUN) | IFF_NO_PI;
        req[16] = (byte) flags;
        req[17] = (byte) (flags >> 8);
        return req;
    }

    /** Creates it in the calling thread's namespace; the error as ip words it, or null. */
    static String add(String name, boolean tap) {
        int fd;
        try {
            fd = LibC.open("/dev/net/tun", LibC.O_RDWR | LibC.O_CLOEXEC, 0);
        } catch (LastErrorException e) {
            return "open: " + LibC.strerror(e.getErrorCode());
        }
        try {
            LibC.ioctl(fd, TUNSETIFF, ifreq(name, tap));
            LibC.ioctl(fd, TUNSETPERSIST, 1L);
            return null;
        } catch (LastErrorException e) {
            return "ioctl(TUNSETIFF): " + LibC.strerror(e.getErrorCode());
        } finally {
            LibC.close(fd);
        }
    }
}
