package nslab.check;

import java.util.List;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.model.Sysctl;

/**
 * Sysctl keys and values. A network namespace owns only the {@code net.} keys: any other
 * ({@code kernel.hostname}, {@code vm.*}) set through {@code ip netns exec} changes the whole
 * machine, and destroying the lab would not give it back. In {@code host} the same holds unless
 * the author writes {@code hostSysctl}, which says that the machine is meant.
 */
final class SysctlRules implements Rule {

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (Sysctl s : ns.sysctls()) {
                String keyProblem = Carriable.problem(s.key());
                if (keyProblem != null || s.key().contains("=")) {
                    problems.add(Problem.error(s.source(), "sysctl key '" + s.key() + "' "
                                    + (keyProblem != null ? keyProblem : "holds '='"),
                            "write a key such as 'net.ipv4.conf.all.rp_filter'"));
                } else if (s.machineWide() && !ns.host()) {
                    problems.add(Problem.error(s.source(), "hostSysctl sets a setting of the whole machine and belongs"
                            + " in the host block, not in " + ns.name(), "write it inside host { }, or use sysctl for a"
                            + " net. key of " + ns.name()));
                } else if (!s.machineWide() && !s.key().startsWith("net.")) {
                    problems.add(Problem.error(s.source(), "sysctl '" + s.key() + "' is not a setting of "
                                    + (ns.host() ? "the host's network" : "namespace " + ns.name())
                                    + ": a network namespace owns only the net. keys, and this one would change the whole"
                                    + " machine", ns.host() ? "if the machine's setting is meant, write hostSysctl '"
                                    + s.key() + "', " + s.value() : "use a net. key, e.g. 'net.ipv4.conf.all.rp_filter'"));
                }
                String valueProblem = Carriable.problem(s.value());
                if (valueProblem != null) {
                    problems.add(Problem.error(s.source(), "sysctl value '" + s.value() + "' of " + s.key() + " "
                            + valueProblem, "write one word, such as 0, 1 or 'cubic'"));
                }
            }
        }
    }
}
