package nslab.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The few C library calls the netlink executor needs, through JNA: each throws
 * {@link LastErrorException} carrying errno when the call fails.
 */
interface LibC extends com.sun.jna.Library {
    LibC C = Native.load("c", LibC.class);

    int AF_NETLINK = 16;
    int SOCK_RAW = 3;
    int SOCK_CLOEXEC = 0x80000;
    int NETLINK_ROUTE = 0;
    int SOL_NETLINK = 270;
    int NETLINK_CAP_ACK = 10;
    int NETLINK_EXT_ACK = 11;
    int CLONE_NEWNET = 0x40000000;
    int O_RDONLY = 0;
    int O_RDWR = 2;
    int O_CREAT = 0x40;
    int O_EXCL = 0x80;
    int O_CLOEXEC = 0x80000;
    long MS_BIND = 0x1000;
    long MS_REC = 0x4000;
    long MS_SHARED = 1 << 20;
    int MNT_DETACH = 2;
    int EINVAL = 22;
    int EEXIST = 17;

    int socket(int domain, int type, int protocol) throws LastErrorException;

    int bind(int fd, byte[] address, int length) throws LastErrorException;

    int setsockopt(int fd, int level, int name, int[] value, int length) throws LastErrorException;

    NativeLong send(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    NativeLong recv(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    int open(String path, int flags, int mode) throws LastErrorException;

    int close(int fd) throws LastErrorException;

    int setns(int fd, int nstype) throws LastErrorException;

    int unshare(int flags) throws LastErrorException;

    int mount(String source, String target, String type, NativeLong flags, Pointer data) throws LastErrorException;

    int umount2(String target, int flags) throws LastErrorException;

    int ioctl(int fd, NativeLong request, byte[] argument) throws LastErrorException;

    int ioctl(int fd, NativeLong request, NativeLong argument) throws LastErrorException;

    String strerror(int errno);
}
