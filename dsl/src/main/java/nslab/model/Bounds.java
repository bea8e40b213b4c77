package nslab.model;

/**
 * What a number of the language may be, by what it means to the kernel: every check of a number
 * (while the script runs, for a value that is not a whole number an int holds, and in validation,
 * for one out of range) reads its limits here.
 */
public record Bounds(long low, long high) {
    /** dev_set_mtu refuses less than 68 for IPv4; 65535 is the largest IP packet. */
    public static final Bounds MTU = new Bounds(68, 65535);
    public static final Bounds PORT = new Bounds(1, 65535);
    /** 802.1Q ids 0 and 4095 are reserved. */
    public static final Bounds VLAN_ID = new Bounds(1, 4094);
    /** A VNI is 24 bits. */
    public static final Bounds VNI = new Bounds(0, 16_777_215);
    /** netem's limit is a 32-bit count of packets. */
    public static final Bounds NETEM_LIMIT = new Bounds(0, 4_294_967_295L);
    /** An OSPF area id is 32 bits (written here as a number; FRR prints it dotted). */
    public static final Bounds OSPF_AREA = new Bounds(0, 4_294_967_295L);
    /** An OSPF interface cost is 16 bits, and 0 is not a cost. */
    public static final Bounds OSPF_COST = new Bounds(1, 65535);
    /** A 4-byte AS number; 0 is reserved. */
    public static final Bounds ASN = new Bounds(1, 4_294_967_295L);

    public boolean holds(long value) {
        return value >= low && value <= high;
    }

    /** "68 to 65535". */
    public String range() {
        return low + " to " + high;
    }
}
