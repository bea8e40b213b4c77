package nslab.plan;

import nslab.model.Route;

/** Why a route worked out by {@code routes 'auto'} is there, as explain shows it beside the route. */
final class RouteReasons {
    private RouteReasons() {}

    /** "; r1 reaches 10.0.3.0/30 via r2: 2 hops" for a worked-out route, "" for one the script writes. */
    static String of(Route r) {
        if (r.auto() == null) return "";
        int hops = r.auto().hops();
        return "; " + r.namespace() + " reaches " + r.destination() + " via " + r.auto().viaNamespace() + ": " + hops
                + (hops == 1 ? " hop" : " hops");
    }
}
