package nslab.model;

import java.util.List;

/**
 * The routing daemons of one namespace (FRR's): OSPF, BGP and raw configuration lines, each with
 * the script line that asked for it. {@link #NONE} when the namespace runs no daemon.
 */
public record Routing(Ospf ospf, Bgp bgp, List<RawFrr> raw) {
    public static final Routing NONE = new Routing(null, null, List.of());

    public Routing {
        raw = List.copyOf(raw);
    }

    public boolean any() {
        return ospf != null || bgp != null || !raw.isEmpty();
    }

    /**
     * {@code ospf area: 0}: ospfd on {@code interfaces} (empty: every interface of the namespace),
     * each with {@code cost} when given (null: FRR's own, from the bandwidth).
     */
    public record Ospf(long area, List<String> interfaces, Integer cost, Source source) {
        public Ospf {
            interfaces = List.copyOf(interfaces);
        }
    }

    /** {@code bgp asn: 65001} with its {@code neighbor} and {@code network} lines. */
    public record Bgp(long asn, List<Neighbor> neighbors, List<Network> networks, Source source) {
        public Bgp {
            neighbors = List.copyOf(neighbors);
            networks = List.copyOf(networks);
        }
    }

    /** {@code neighbor '10.0.0.2', asn: 65002}: a BGP peer and its AS. */
    public record Neighbor(String address, long asn, Source source) {
    }

    /** {@code network '10.1.0.0/24'}: a prefix BGP announces. */
    public record Network(String prefix, Source source) {
    }

    /** {@code frr '''...'''}: configuration lines added as written. */
    public record RawFrr(String text, Source source) {
    }
}
