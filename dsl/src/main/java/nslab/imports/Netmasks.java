package nslab.imports;

import nslab.model.IpPrefix;

/** Prefix lengths as the old net-tools commands (ifconfig, route) work them out. */
final class Netmasks {
    private Netmasks() {}

    /** 255.255.255.0 is 24; -1 for a mask that is not one (or not contiguous). */
    static int length(String mask) {
        if (mask.matches("\\d{1,2}")) return Integer.parseInt(mask);
        if (!IpPrefix.isAddress(mask) || mask.contains(":")) return -1;
        long v = 0;
        for (String part : mask.split("\\.")) v = (v << 8) | Integer.parseInt(part);
        int len = Long.bitCount(v);
        long expected = len == 0 ? 0 : (0xffffffffL << (32 - len)) & 0xffffffffL;
        return v == expected ? len : -1;
    }

    /** The classful length ifconfig gives an IPv4 address without a netmask: 10.x is /8, 172.16.x /16, 192.168.x /24. */
    static int classful(String address) {
        int first = Integer.parseInt(address.substring(0, address.indexOf('.')));
        if (first < 128) return 8;
        if (first < 192) return 16;
        if (first < 224) return 24;
        return 32;
    }

    static boolean isV4(String address) {
        return IpPrefix.isAddress(address) && !address.contains(":");
    }
}
