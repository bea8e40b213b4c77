package nslab.check;

import java.util.Optional;
import java.util.function.Supplier;
import nslab.model.IpPrefix;
import nslab.model.Source;

/**
 * An address written in a form that iproute2 and the netlink executor read differently: the
 * printed plan and apply would build different labs, so it is refused with the form to write.
 */
final class AmbiguousAddresses {
    private AmbiguousAddresses() {}

    /** The ambiguity of {@code text} if it has one, else the problem {@code otherwise} makes. */
    static Problem or(Source source, String text, Supplier<Problem> otherwise) {
        return problem(source, text).orElseGet(otherwise);
    }

    static Optional<Problem> problem(Source source, String text) {
        return IpPrefix.ambiguity(text).map(a -> Problem.error(source, message(text, a), hint(a)));
    }

    private static String message(String text, IpPrefix.Ambiguity a) {
        String quoted = "'" + text + "'";
        return switch (a.kind()) {
            case LEADING_ZERO -> quoted + " has a number with a leading zero, which iproute2 reads as octal"
                    + (a.octal() != null ? " (" + a.octal() + ")" : "") + " and netlink as decimal";
            case LENGTH_LEADING_ZERO -> quoted + " has a prefix length with a leading zero, which iproute2 reads as octal"
                    + (a.octal() != null ? " (" + a.octal() + ")" : "") + " and netlink as decimal";
            case V4_MAPPED -> quoted + " is an IPv4-mapped IPv6 address, which iproute2 adds as IPv6 and netlink as IPv4";
        };
    }

    private static String hint(IpPrefix.Ambiguity a) {
        return switch (a.kind()) {
            case LEADING_ZERO, LENGTH_LEADING_ZERO -> "write '" + a.instead() + "'"
                    + (a.octal() != null ? " (or '" + a.octal() + "' if octal was meant)" : "");
            case V4_MAPPED -> "write the IPv4 address: '" + a.instead() + "'";
        };
    }
}
