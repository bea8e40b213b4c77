package nslab.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;

/** The lab's cables (veth pairs), each once, with both ends: what Mininet calls links. */
public record Cables(List<Cable> all) {

    public record End(String namespace, String iface) {
        @Override
        public String toString() {
            return namespace + ":" + iface;
        }
    }

    public record Cable(End a, End b) {
        boolean joins(String x, String y) {
            return a.namespace().equals(x) && b.namespace().equals(y) || a.namespace().equals(y) && b.namespace().equals(x);
        }

        /** The cable's name on the page and in the picture: its first end, as the graph keys it. */
        public String id() {
            return a.namespace() + "/" + a.iface();
        }
    }

    public static Cables of(Lab lab) {
        List<Cable> cables = new ArrayList<>();
        for (Namespace ns : lab.namespaces()) {
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Veth v && v.primary() && v.peerNamespace() != null) {
                    cables.add(new Cable(new End(ns.name(), i.name()), new End(v.peerNamespace(), v.peerName())));
                }
            }
        }
        return new Cables(cables);
    }

    public Optional<Cable> between(String x, String y) {
        return all.stream().filter(c -> c.joins(x, y)).findFirst();
    }
}
