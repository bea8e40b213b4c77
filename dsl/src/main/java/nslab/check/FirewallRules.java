package nslab.check;

import java.util.List;
import nslab.model.Bounds;
import nslab.model.FirewallRule;
import nslab.model.IpPrefix;
import nslab.model.Lab;
import nslab.model.Namespace;

/** NAT and filter rules: valid subnets, ports, protocols and interface names. */
final class FirewallRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (FirewallRule rule : ns.rules()) {
                if (rule instanceof FirewallRule.Masquerade m) {
                    if (m.from() != null && IpPrefix.parse(m.from()).isEmpty()) {
                        problems.add(AmbiguousAddresses.or(m.source(), m.from(), () -> Problem.error(m.source(),
                                "masquerade source '" + m.from() + "' is not a subnet",
                                "write: masquerade '10.0.0.0/24', out: 'eth0'")));
                    }
                    ifname(m.out(), m.source(), problems);
                } else if (rule instanceof FirewallRule.Forward f) {
                    ifname(f.in(), f.source(), problems);
                    ifname(f.out(), f.source(), problems);
                } else if (rule instanceof FirewallRule.ForwardPort p) {
                    if (!Bounds.PORT.holds(p.port()) || !Bounds.PORT.holds(p.toPort())) {
                        problems.add(Problem.error(p.source(), "forwardPort ports must be from " + Bounds.PORT.range(),
                                "write: forwardPort 8080, to: '192.168.100.1:80', in: 'eth0'"));
                    }
                    if (p.toAddress() == null || !IpPrefix.isAddress(p.toAddress()) || p.toAddress().contains(":")) {
                        problems.add(AmbiguousAddresses.or(p.source(), p.toAddress(), () -> Problem.error(p.source(),
                                "forwardPort needs to: 'IPv4-ADDRESS:PORT'" + (p.toAddress() == null ? "" : ", not '" + p.toAddress() + "'"),
                                "write: forwardPort 8080, to: '192.168.100.1:80', in: 'eth0'")));
                    }
                    if (!p.proto().equals("tcp") && !p.proto().equals("udp")) {
                        problems.add(Problem.error(p.source(), "forwardPort proto '" + p.proto() + "' is not tcp or udp",
                                "write proto: 'udp', or leave it out for TCP"));
                    }
                    ifname(p.in(), p.source(), problems);
                }
            }
        }
    }

    private static void ifname(String name, nslab.model.Source source, List<Problem> problems) {
        if (name == null) return;
        // iptables also takes a trailing '+' as a wildcard, e.g. 'veth+'
        NameRules.interfaceName(name.endsWith("+") && name.length() > 1 ? name.substring(0, name.length() - 1) : name,
                source, problems);
    }
}
