package nslab.netlink;

import nslab.model.IpPrefix;

/**
 * An address with its prefix length, from {@code 10.0.0.1/24}, {@code fd00::1/64} or a bare
 * address: read by the lab language's own parser, so that netlink gives every text the meaning
 * validation gave it.
 */
record Prefix(byte[] address, int length) {
    static Prefix parse(String text) {
        IpPrefix p = IpPrefix.parse(text).orElseThrow(() -> new IllegalArgumentException("address " + text));
        return new Prefix(p.bytes(), p.length());
    }

    /** Only literal addresses: a name never goes to a resolver. */
    static byte[] address(String text) {
        IpPrefix p = IpPrefix.parse(text).filter(a -> !a.lengthGiven())
                .orElseThrow(() -> new IllegalArgumentException("address " + text));
        return p.bytes();
    }

    int family() {
        return address.length == 4 ? Rtnl.AF_INET : Rtnl.AF_INET6;
    }
}
