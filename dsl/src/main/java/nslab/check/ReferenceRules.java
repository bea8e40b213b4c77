package nslab.check;

import java.util.List;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.Lab;
import nslab.model.Namespace;

/** Names that point elsewhere: namespaces of peers and links, interfaces of dev and port. */
final class ReferenceRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        List<String> declared = lab.namespaces().stream().filter(Namespace::declared).map(Namespace::name).toList();
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) {
                String hint = Suggestions.didYouMean(ns.name(), declared);
                problems.add(Problem.error(ns.source(), "namespace '" + ns.name() + "' is used here but never declared",
                        hint != null ? hint : "declare it: namespace '" + ns.name() + "'"));
                continue;
            }
            for (Interface i : ns.interfaces()) {
                // every namespace the lab makes has its own loopback; the host's is the machine's
                if (i.created() || (i.name().equals(Interface.LOOPBACK) && !ns.host())) continue;
                List<String> names = ns.interfaces().stream().filter(Interface::created).map(Interface::name).toList();
                String hint = Suggestions.didYouMean(i.name(), names);
                String what = i.master() != null ? "port '" + i.name() + "' of bridge " + i.master()
                        : "dev '" + i.name() + "'";
                problems.add(Problem.error(i.source(), what + " names an interface declared nowhere in " + ns.name(),
                        hint != null ? hint : "declare it in " + ns.name() + " (veth, bridge, tap, ...) or as the"
                                + " peer of a veth: veth 'x' peer '" + ns.name() + "', name: '" + i.name() + "'"));
            }
            for (Interface i : ns.interfaces()) {
                if (i.kind() instanceof DeviceKind.Veth v && v.peerNamespace() == null) {
                    problems.add(Problem.error(i.source(), "veth '" + i.name() + "' has no other end",
                            "write: veth '" + i.name() + "' peer 'other-namespace'"));
                }
            }
        }
    }
}
