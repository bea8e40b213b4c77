package nslab.plan;

/**
 * The kind-specific attributes of an RTM_NEWLINK request, as a {@link LinkKind} writes them: the
 * netlink executor lays each out where the kernel reads it (inside IFLA_INFO_DATA).
 */
public interface LinkRequest {
    void u8(int type, int value);

    void u16(int type, int value);

    void u32(int type, int value);

    /** A number in network byte order (a port). */
    void be16(int type, int value);

    /** An IP address written as text: {@code type4} for IPv4, {@code type6} for IPv6. */
    void address(int type4, int type6, String address);

    /** The index of a device in the namespace the request is sent in. */
    void device(int type, String device);

    /** A veth's other end (VETH_INFO_PEER): its name, and the namespace it is made in (null: here). */
    void peer(int type, String name, String namespace);
}
