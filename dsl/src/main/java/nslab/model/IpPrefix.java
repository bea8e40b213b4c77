package nslab.model;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address with a prefix length, parsed strictly and without any name lookup
 * (InetAddress would resolve host names, which a lab script must never trigger). Only forms that
 * iproute2 and the netlink executor read alike are addresses: no leading zeros in an IPv4 number
 * or a prefix length (iproute2 reads 010 as octal 8) and no IPv4-mapped IPv6 address (iproute2
 * adds it as IPv6, Java's parser turns it into IPv4); {@link #ambiguity} says what to write instead.
 */
public record IpPrefix(boolean v6, BigInteger address, int length, boolean lengthGiven, String text) {
    private static final Pattern V4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{1,4}");
    private static final Pattern DECIMAL = Pattern.compile("0|[1-9]\\d{0,2}");
    private static final BigInteger V4_MAPPED = BigInteger.valueOf(0xffffL).shiftLeft(32);

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

    /** The address {@code n} after this prefix's network, e.g. 10.0.1.3 for n = 3 on 10.0.1.7/24. */
    public String addressInSubnet(long n) {
        return format(network(address, length).add(BigInteger.valueOf(n)));
    }

    private BigInteger network(BigInteger a, int len) {
        int bits = maxLength();
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - len).subtract(BigInteger.ONE));
        return a.and(mask);
    }

    private String format(BigInteger a) {
        if (!v6) return v4Text(a.longValue());
        StringBuilder sb = new StringBuilder();
        for (int i = 7; i >= 0; i--) {
            sb.append(a.shiftRight(i * 16).and(BigInteger.valueOf(0xffff)).toString(16));
            if (i > 0) sb.append(':');
        }
        return sb.toString().replaceFirst("(^|:)(0(:|$)){2,}", "::").replaceFirst(":::", "::");
    }

    /** The address {@code value} with prefix length {@code length}, written as iproute2 reads it back. */
    public static IpPrefix of(boolean v6, BigInteger value, int length) {
        IpPrefix shape = new IpPrefix(v6, value, length, true, "");
        return new IpPrefix(v6, value, length, true, shape.format(value) + "/" + length);
    }

    /** The first address of this prefix's network, as a number. */
    public BigInteger networkValue() {
        return network(address, length);
    }

    /** The address as bytes (4 or 16), for a netlink message. */
    public byte[] bytes() {
        byte[] raw = address.toByteArray();
        byte[] out = new byte[v6 ? 16 : 4];
        int n = Math.min(raw.length, out.length);
        System.arraycopy(raw, raw.length - n, out, out.length - n, n);
        return out;
    }

    /** Why a text that looks like an address is refused, and the one form to write instead. */
    public record Ambiguity(Kind kind, String instead, String octal) {
        public enum Kind { LEADING_ZERO, LENGTH_LEADING_ZERO, V4_MAPPED }
    }

    /**
     * For a text that {@link #parse} refuses only because iproute2 and the kernel would read it
     * differently: what is ambiguous and the unambiguous form ({@code octal}: what iproute2 makes
     * of an IPv4 number with a leading zero, when that differs).
     */
    public static Optional<Ambiguity> ambiguity(String text) {
        if (text == null || parse(text).isPresent()) return Optional.empty();
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        String len = slash < 0 ? null : text.substring(slash + 1);
        if (len != null && !len.matches("\\d{1,3}")) return Optional.empty();
        boolean lenZeros = len != null && len.length() > 1 && len.startsWith("0");
        String tail = len == null ? "" : "/" + Integer.parseInt(len);
        String octalTail = len == null ? "" : "/" + (lenZeros && len.matches("[0-7]+") ? Integer.parseInt(len, 8) : Integer.parseInt(len));
        var v4 = V4.matcher(addr);
        if (v4.matches()) {
            StringBuilder decimal = new StringBuilder();
            StringBuilder octal = new StringBuilder();
            boolean zeros = false;
            for (int i = 1; i <= 4; i++) {
                String n = v4.group(i);
                boolean leading = n.length() > 1 && n.startsWith("0");
                zeros |= leading;
                decimal.append(i > 1 ? "." : "").append(Integer.parseInt(n));
                octal.append(i > 1 ? "." : "").append(leading && n.matches("[0-7]+") ? Integer.parseInt(n, 8) : Integer.parseInt(n));
            }
            return ambiguity(zeros ? Ambiguity.Kind.LEADING_ZERO : Ambiguity.Kind.LENGTH_LEADING_ZERO,
                    decimal + tail, octal + octalTail);
        }
        BigInteger value = addr.contains(":") ? parseV6(addr) : null;
        if (value == null) return Optional.empty();
        if (value.shiftRight(32).equals(V4_MAPPED.shiftRight(32))) {
            String v4Text = v4Text(value.longValue() & 0xffffffffL);
            int l = len == null ? 128 : Integer.parseInt(len);
            if (l > 32 && l < 96) return Optional.empty();
            return ambiguity(Ambiguity.Kind.V4_MAPPED, v4Text + (len == null ? "" : "/" + (l >= 96 ? l - 96 : l)), null);
        }
        return lenZeros ? ambiguity(Ambiguity.Kind.LENGTH_LEADING_ZERO, addr + tail, addr + octalTail) : Optional.empty();
    }

    private static Optional<Ambiguity> ambiguity(Ambiguity.Kind kind, String instead, String octal) {
        if (parse(instead).isEmpty()) return Optional.empty();
        boolean octalDiffers = octal != null && !octal.equals(instead) && parse(octal).isPresent();
        return Optional.of(new Ambiguity(kind, instead, octalDiffers ? octal : null));
    }

    private static String v4Text(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
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
            if (!DECIMAL.matcher(l).matches()) return Optional.empty();
            len = Integer.parseInt(l);
        }
        boolean v6 = addr.contains(":");
        BigInteger value = v6 ? parseV6(addr) : parseV4(addr);
        if (value == null) return Optional.empty();
        int max = v6 ? 128 : 32;
        if (len != null && len > max) return Optional.empty();
        if (v6 && value.shiftRight(32).equals(V4_MAPPED.shiftRight(32))) return Optional.empty();
        return Optional.of(new IpPrefix(v6, value, len == null ? max : len, len != null, t));
    }

    private static BigInteger parseV4(String s) {
        var m = V4.matcher(s);
        if (!m.matches()) return null;
        long v = 0;
        for (int i = 1; i <= 4; i++) {
            if (!DECIMAL.matcher(m.group(i)).matches()) return null;
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
