package nslab.trace;

import nslab.model.Source;

/**
 * One place a packet passes: a namespace, the interface it came in by and the one it leaves by
 * (null where it starts or ends), what the kernel decided there, and the lab line that made that
 * decision. {@code seen} is what the probe's counters said of this hop: true or false, or null when
 * nothing was counted (a lab that is not live, or a bridge, which switches frames below iptables).
 */
public record Hop(Kind kind, String namespace, String in, String out, String decision, Source source,
                  String line, Boolean seen) {
    public enum Kind {
        /** The packet leaves the namespace it was made in. */
        SEND,
        /** A namespace routes it on. */
        FORWARD,
        /** A bridge switches it from one port to another. */
        BRIDGE,
        /** It arrives where it was going. */
        DELIVER,
        /** It goes no further. */
        STOP
    }

    public Hop withSeen(Boolean counted) {
        return new Hop(kind, namespace, in, out, decision, source, line, counted);
    }
}
