package nslab.imports;

import nslab.model.IpPrefix;

/** Adding and deleting routes, shared by {@code ip route} and {@code route}. */
final class Routes {
    private Routes() {}

    static void add(ShellCommand c, String ns, String dest, String via, String devName, Translation t) {
        String destination = normal(dest);
        if (!destination.equals("default") && IpPrefix.parse(destination).isEmpty()) {
            t.refuse(c, dest + " is not a destination (an address, a prefix or default)");
            return;
        }
        if (via != null && !IpPrefix.isAddress(via)) {
            t.refuse(c, via + " is not a gateway address");
            return;
        }
        if (via == null && devName == null) {
            t.refuse(c, "a route needs a gateway or a device");
            return;
        }
        Device dev = null;
        if (devName != null) {
            dev = t.device(c, ns, devName).orElse(null);
            if (dev == null) return;
            dev.settle();
        }
        t.model.routes.removeIf(r -> r.namespace().equals(ns) && r.destination().equals(destination));
        t.model.routes.add(new ImportModel.RouteSetting(ns, destination, via, dev, c));
    }

    static void delete(ShellCommand c, String ns, String dest, Translation t) {
        String destination = normal(dest);
        if (!t.model.routes.removeIf(r -> r.namespace().equals(ns) && r.destination().equals(destination))) {
            t.skip(c, "deletes a route these commands did not add");
        }
    }

    private static String normal(String dest) {
        return dest.equals("0.0.0.0/0") || dest.equals("::/0") ? "default" : dest;
    }
}
