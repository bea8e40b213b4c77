package nslab.trace;

import java.util.Optional;
import nslab.model.Address;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Sysctl;

/** The lookups in the lab's own lines that the walk and the script-only readings share. */
final class LabTables {
    private LabTables() {}

    /** The line that sets a sysctl of the namespace last (the one in force), if any. */
    static Optional<Sysctl> lastSysctl(Lab lab, String ns, String key) {
        Sysctl found = null;
        for (Sysctl s : lab.namespace(ns).map(Namespace::sysctls).orElse(java.util.List.of())) {
            if (s.key().equals(key)) found = s;
        }
        return Optional.ofNullable(found);
    }

    /** The interface's first address of the family, as the lab gives it; null when it has none. */
    static String addressOn(Lab lab, String ns, String dev, boolean v6) {
        return lab.namespace(ns).flatMap(n -> n.addressesOf(dev).stream().filter(a -> a.valid() && a.v6() == v6).findFirst())
                .map(a -> a.prefix().addressText()).orElse(null);
    }

    /** The interface whose subnet has the gateway; null when none has. */
    static String deviceFor(Namespace ns, String gateway) {
        Optional<IpPrefix> g = IpPrefix.parse(gateway);
        if (g.isEmpty()) return null;
        return ns.addresses().stream().filter(a -> a.valid() && a.prefix().contains(g.get())).map(Address::dev)
                .findFirst().orElse(null);
    }
}
