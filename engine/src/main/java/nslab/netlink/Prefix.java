package nslab.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address with its prefix length, from {@code 10.0.0.1/24}, {@code fd00::1/64} or a bare address. */
record Prefix(byte[] address, int length) {
    static Prefix parse(String text) {
        int slash = text.indexOf('/');
        byte[] a = address(slash < 0 ? text : text.substring(0, slash));
        int len = slash < 0 ? a.length * 8 : Integer.parseInt(text.substring(slash + 1));
        if (len < 0 || len > a.length * 8) throw new IllegalArgumentException("prefix length " + len);
        return new Prefix(a, len);
    }

    /** Only literal addresses: a name never goes to a resolver. */
    static byte[] address(String text) {
        if (!text.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) throw new IllegalArgumentException("address " + text);
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address " + text);
        }
    }

    int family() {
        return address.length == 4 ? Rtnl.AF_INET : Rtnl.AF_INET6;
    }
}
