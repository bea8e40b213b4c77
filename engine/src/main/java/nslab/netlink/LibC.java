package nslab.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * The few C library calls the netlink executor needs, through JNA's direct mapping (a native
 * method bound to the C function, which costs a fraction of an interface proxy's call: an apply
 * makes tens of thousands): each throws {@link LastErrorException} carrying errno when the call
 * fails.
 */
final class LibC {
    static {
        // JNA looks for libraries by name along a search path, which on Linux it learns by running
        // ldconfig, a process of its own at every start: the C library is found by its soname
        // instead, which the system's loader knows, and the search path is given
        if (System.getProperty("jna.platform.library.path") == null) System.setProperty("jna.platform.library.path", "/usr/lib:/lib");
        Native.register(LibC.class, com.sun.jna.Platform.C_LIBRARY_NAME); // the class named: no stack inspection
    }

    private LibC() {}

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_ROUTE = 0;
    static final int SOL_NETLINK = 270;
    static final int NETLINK_CAP_ACK = 10;
    static final int NETLINK_EXT_ACK = 11;
    static final int CLONE_NEWNET = 0x40000000;
    static final int O_RDONLY = 0;
    static final int O_RDWR = 2;
    static final int O_CREAT = 0x40;
    static final int O_EXCL = 0x80;
    static final int O_CLOEXEC = 0x80000;
    static final long MS_BIND = 0x1000;
    static final long MS_REC = 0x4000;
    static final long MS_SHARED = 1 << 20;
    static final int MNT_DETACH = 2;
    static final int EINVAL = 22;
    static final int EEXIST = 17;

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

    // size_t, ssize_t and unsigned long as Java long: Linux on 64-bit machines (LP64)
    static native long send(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    static native long recv(int fd, byte[] buffer, long length, int flags) throws LastErrorException;

    static native int open(String path, int flags, int mode) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int setns(int fd, int nstype) throws LastErrorException;

    static native int unshare(int flags) throws LastErrorException;

    static native int mount(String source, String target, String type, long flags, Pointer data) throws LastErrorException;

    static native int umount2(String target, int flags) throws LastErrorException;

    static native int ioctl(int fd, long request, byte[] argument) throws LastErrorException;

    static native int ioctl(int fd, long request, long argument) throws LastErrorException;

    static native String strerror(int errno);
}
