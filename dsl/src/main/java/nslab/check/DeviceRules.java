package nslab.check;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nslab.model.Bounds;
import nslab.model.DeviceKind;
import nslab.model.Interface;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.RunCommand;
import nslab.model.Source;

/** What each kind of device needs: valid ids, modes and parents; sane MTU and MAC; bridgeable ports. */
final class DeviceRules implements Rule {
    static final Set<String> MACVLAN_MODES = Set.of("private", "vepa", "bridge", "passthru", "source");
    private static final Pattern MAC = Pattern.compile("[0-9a-fA-F]{2}(:[0-9a-fA-F]{2}){5}");

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            if (!ns.declared()) continue;
            for (Interface i : ns.interfaces()) {
                if (!i.created()) continue;
                settings(i, problems);
                kind(lab, ns, i, problems);
            }
            if (ns.host()) {
                for (RunCommand r : ns.runs()) {
                    problems.add(Problem.error(r.source(), "run in host would start a program on the machine itself,"
                                    + " which destroy could not stop",
                            "run it in a namespace of the lab: namespace 'server' { run '" + r.command() + "' }"));
                }
            }
            for (RunCommand r : ns.runs()) {
                if (r.command().isBlank()) {
                    problems.add(Problem.error(r.source(), "run needs a command", "write: run 'python3 -m http.server 80'"));
                }
            }
        }
    }

    private static void settings(Interface i, List<Problem> problems) {
        if (i.mtu() != null && !Bounds.MTU.holds(i.mtu())) {
            problems.add(Problem.error(i.lineOf("mtu"), "MTU " + i.mtu() + " of " + i.name() + " is out of range",
                    "use " + Bounds.MTU.range() + " (Ethernet's usual is 1500)"));
        }
        if (i.mac() != null) {
            if (!MAC.matcher(i.mac()).matches()) {
                problems.add(Problem.error(i.lineOf("mac"), "'" + i.mac() + "' is not a MAC address",
                        "write six hex pairs separated by ':', e.g. mac '02:00:00:00:00:01'"));
            } else if ((Integer.parseInt(i.mac().substring(0, 2), 16) & 1) == 1) {
                problems.add(Problem.error(i.lineOf("mac"), "MAC " + i.mac() + " is a multicast address; the kernel refuses it"
                        + " for an interface", "make the first byte even; 02:... marks a locally administered address"));
            }
        }
        if (i.master() != null && i.master().equals(i.name())) {
            problems.add(Problem.error(i.lineOf("master"), "bridge " + i.name() + " cannot be its own port", "remove it from port"));
        }
    }

    private static void kind(Lab lab, Namespace ns, Interface i, List<Problem> problems) {
        Source at = i.source();
        if (i.kind() instanceof DeviceKind.Macvlan m) {
            if (m.parent() == null) {
                problems.add(Problem.error(at, "macvlan '" + i.name() + "' needs a parent interface",
                        "write: macvlan '" + i.name() + "' on 'eth0'"));
            } else if (m.parentNamespace() != null) {
                hostParent(lab, ns, i, m, problems);
            } else {
                parent(ns, i, m.parent(), "macvlan", problems);
            }
            if (!MACVLAN_MODES.contains(m.mode())) {
                problems.add(Problem.error(at, "macvlan mode '" + m.mode() + "' is not one the kernel knows",
                        "use one of " + String.join(", ", MACVLAN_MODES.stream().sorted().toList())));
            }
        } else if (i.kind() instanceof DeviceKind.Vlan v) {
            if (v.parent() == null) {
                problems.add(Problem.error(at, "vlan '" + i.name() + "' needs a parent interface",
                        "write: vlan '" + i.name() + "' on 'eth0', id: 10"));
            } else {
                parent(ns, i, v.parent(), "vlan", problems);
            }
            if (!Bounds.VLAN_ID.holds(v.id())) {
                problems.add(Problem.error(at, "vlan '" + i.name() + "' needs an id from " + Bounds.VLAN_ID.range()
                        + (v.id() < 0 ? "" : ", not " + v.id()), "write: vlan '" + i.name() + "' on 'eth0', id: 10"));
            }
        } else if (i.kind() instanceof DeviceKind.Vxlan x) {
            if (!Bounds.VNI.holds(x.id())) {
                problems.add(Problem.error(at, "vxlan '" + i.name() + "' needs an id (VNI) from " + Bounds.VNI.range()
                                + (x.id() < 0 ? "" : ", not " + x.id()),
                        "write: vxlan '" + i.name() + "', id: 42, remote: '10.0.0.2', dev: 'eth0'"));
            }
            if (x.remote() != null && !IpPrefix.isAddress(x.remote())) {
                Source remoteAt = at;
                problems.add(AmbiguousAddresses.or(at, x.remote(), () -> Problem.error(remoteAt,
                        "vxlan remote '" + x.remote() + "' is not an IP address",
                        "write the other tunnel end's address, e.g. remote: '10.0.0.2'")));
            }
            if (!Bounds.PORT.holds(x.port())) {
                problems.add(Problem.error(at, "vxlan port " + x.port() + " is out of range", "use " + Bounds.PORT.range()
                        + "; 4789 is the standard"));
            }
            if (x.dev() != null) parent(ns, i, x.dev(), "vxlan", problems);
        }
        if (i.master() != null) {
            at = i.lineOf("master");
            Source portAt = at;
            ns.iface(i.master()).filter(b -> !(b.kind() instanceof DeviceKind.Bridge)).ifPresent(b ->
                    problems.add(Problem.error(portAt, i.master() + " is not a bridge, so " + i.name() + " cannot be its port",
                            "declare it with bridge '" + i.master() + "'")));
            if (i.kind() instanceof DeviceKind.Tun) {
                problems.add(Problem.error(at, "TUN device " + i.name() + " cannot be a bridge port: it carries IP packets,"
                        + " not Ethernet frames", "use a TAP device: tap '" + i.name() + "'"));
            }
        }
    }

    /**
     * {@code from: 'host'}, the one place a macvlan's parent may come from: never in host itself.
     * Whether the machine has the parent is known only when the lab is applied; a near miss of an
     * interface the lab's host block declares is worth a warning now.
     */
    private static void hostParent(Lab lab, Namespace ns, Interface i, DeviceKind.Macvlan m, List<Problem> problems) {
        String on = "macvlan '" + i.name() + "' on '" + m.parent() + "'";
        if (!m.fromHost()) {
            String hint = Suggestions.didYouMean(m.parentNamespace(), List.of(Namespace.HOST));
            problems.add(Problem.error(i.source(), on + " takes its parent from '" + m.parentNamespace()
                            + "', but from: takes only 'host'",
                    (hint != null ? hint + " " : "") + "write " + on + ", from: 'host' for an interface of the host,"
                            + " or leave from: out for one of " + ns.name()));
        } else if (ns.host()) {
            problems.add(Problem.error(i.source(), on + ", from: 'host' is in host already",
                    "leave from: out: " + on));
        } else {
            List<String> hostNames = lab.host().map(h -> h.interfaces().stream().map(Interface::name).toList()).orElse(List.of());
            if (!hostNames.contains(m.parent())) {
                String hint = Suggestions.didYouMean(m.parent(), hostNames);
                if (hint != null) {
                    problems.add(Problem.warning(i.source(), on + ", from: 'host': the lab's host has no '" + m.parent()
                            + "', so it must be one of the machine's own interfaces when the lab is applied", hint));
                }
            }
        }
    }

    /** A parent must be in the same namespace; in host it may also be one of the machine's own interfaces. */
    private static void parent(Namespace ns, Interface i, String parent, String word, List<Problem> problems) {
        if (parent.equals(i.name())) {
            problems.add(Problem.error(i.source(), word + " '" + i.name() + "' cannot sit on itself", "name another parent"));
            return;
        }
        if (ns.host() || ns.iface(parent).filter(Interface::created).isPresent()) return;
        List<String> names = ns.interfaces().stream().filter(Interface::created).map(Interface::name).toList();
        String hint = Suggestions.didYouMean(parent, names);
        problems.add(Problem.error(i.source(), word + " '" + i.name() + "' sits on '" + parent + "', which is not an"
                        + " interface of " + ns.name(),
                hint != null ? hint : "the parent must be declared in the same namespace (" + String.join(", ", names) + ")"));
    }
}
