package nslab.model;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address with a prefix length, parsed strictly and without any name lookup
 * (InetAddress would resolve host names, which a lab script must never trigger).
 */
public record IpPrefix(boolean v6, BigInteger address, int length, boolean lengthGiven, String text) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,4}");

    public int maxLength() {
        return v6 ? 128 : 32;
    }

    /** The address without the prefix length, as written. */
    public String addressText() {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    /** Address and length, with the length always written ("10.0.0.1" becomes "10.0.0.1/32"). */
    public String withLength() {
        return addressText() + "/" + length;
    }

    public boolean contains(IpPrefix other) {
        if (other.v6 != v6 || other.length < length) return false;
        return network(address, length).equals(network(other.address, length));
    }

    public boolean sameSubnet(IpPrefix other) {
        return other.v6 == v6 && other.length == length && contains(other);
    }

    /** The network of this prefix, e.g. 10.0.1.0/24 for 10.0.1.7/24. */
    public String networkText() {
        BigInteger net = network(address, length);
        return format(net) + "/" + length;
    }

    private BigInteger network(BigInteger a, int len) {
        int bits = maxLength();
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
        return a.and(mask);
    }

    private String format(BigInteger a) {
        if (!v6) {
            long v = a.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            sb.append(a.shiftRight(i * 16).and(BigInteger.valueOf(0xffff)).toString(16));
            if (i > 0) sb.append(':');
        }
        return sb.toString().replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::");
    }

    public static boolean isAddress(String s) {
        return s != null && !s.contains("/") && parse(s).isPresent();
    }

    public static Optional<IpPrefix> parse(String text) {
        // not trimmed: the plan carries the text as written, so white space around it is no address
        if (text == null || text.isBlank() || !text.strip().equals(text)) return Optional.empty();
        String t = text;
        String addr = t;
        Integer len = null;
        int slash = t.indexOf('/');
        if (slash >= 0) {
            addr = t.substring(0, slash);
            String l = t.substring(slash + 1);
            if (!l.matches("\\d{1,3}")) return Optional.empty();
            len = Integer.parseInt(l);
        }
        boolean v6 = addr.contains(":");
        BigInteger value = v6 ? parseV6(addr) : parseV4(addr);
        if (value == null) return Optional.empty();
        int max = v6 ? 128 : 32;
        if (len != null && len > max) return Optional.empty();
        return Optional.of(new IpPrefix(v6, value, len == null ? max : len, len != null, t));
    }

    private static BigInteger parseV4(String s) {
        var m = V4.matcher(s);
        if (!m.matches()) return null;
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) return null;
            v = (v << 8) | octet;
        }
        return BigInteger.valueOf(v);
    }

    private static BigInteger parseV6(String s) {
        if (s.contains("%")) return null;
        int dbl = s.indexOf("::");
        if (dbl >= 0 && s.indexOf("::", dbl + 1) >= 0) return null;
        String[] head = dbl >= 0 ? split(s.substring(0, dbl)) : split(s);
        String[] tail = dbl >= 0 ? split(s.substring(dbl + 2)) : new String[0];
        BigInteger[] groups = new BigInteger[8];
        int count = head.length + tail.length;
        // An embedded IPv4 tail (::ffff:10.0.0.1) counts as two groups.
        String last = tail.length > 0 ? tail[tail.length - 1] : head.length > 0 ? head[head.length - 1] : "";
        boolean v4Tail = last.contains(".");
        if (v4Tail) count++;
        if (count > 8 || (dbl < 0 && count != 8)) return null;
        BigInteger value = BigInteger.ZERO;
        String[] all = new String[8];
        int i = 0;
        for (String h : head) all[i++] = h;
        int zeros = 8 - count;
        for (int z = 0; z < zeros; z++) all[i++] = "0";
        for (String t : tail) all[i++] = t;
        for (int g = 0; g < i; g++) {
            String part = all[g];
            if (part.contains(".")) {
                if (g != i - 1) return null;
                BigInteger v4 = parseV4(part);
                if (v4 == null) return null;
                value = value.shiftLeft(32).or(v4);
            } else {
                if (!HEX.matcher(part).matches()) return null;
                value = value.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(part, 16)));
            }
        }
        groups[0] = value;
        return groups[0];
    }

    private static String[] split(String s) {
        return s.isEmpty() ? new String[0] : s.split(":", -1);
    }
}
