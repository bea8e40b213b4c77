package nslab.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.plan.FrrPlanner;
import nslab.plan.FrrConfig;

/**
 * Whether this machine can run a lab's FRR daemons, asked before anything is made: the daemons
 * installed (Debian's package frr), and a user namespace that maps the group frrvty, which FRR
 * requires of the user its daemons run as (a sandbox that maps root alone does not).
 */
final class FrrMachine {
    private FrrMachine() {}

    static void check(Lab lab) {
        List<Namespace> routers = lab.routers();
        if (routers.isEmpty()) return;
        String who = routers.stream().map(Namespace::name).collect(Collectors.joining(", "));
        for (Namespace ns : routers) {
            for (String daemon : FrrConfig.of(ns).daemons()) {
                if (!Files.isExecutable(Path.of(FrrPlanner.DAEMONS, daemon))) {
                    throw new EngineException("the lab runs FRR's routing daemons (in " + who + "), and "
                            + FrrPlanner.DAEMONS + "/" + daemon + " is not on this machine: install the package frr"
                            + " (apt-get install frr); nothing was changed");
                }
            }
        }
        try {
            List<String> map = Files.readAllLines(Path.of("/proc/self/gid_map"));
            boolean rootOnly = map.size() == 1 && map.get(0).trim().split("\\s+").length == 3
                    && map.get(0).trim().split("\\s+")[2].equals("1");
            if (rootOnly) {
                throw new EngineException("the lab runs FRR's routing daemons (in " + who + "), which need the group"
                        + " frrvty, and this user namespace maps root alone: run nslab --sandbox as root (its sandbox maps"
                        + " every user and group) or outside a user namespace; nothing was changed");
            }
        } catch (IOException e) {
            // no user namespaces here: all groups are there
        }
    }
}
