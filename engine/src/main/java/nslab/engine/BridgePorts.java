package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.exec.LiveState;
import nslab.plan.Step;

/**
 * Waits, after an apply, until the kernel has let every bridge port the apply plugged in and
 * brought up pass frames. A bridge enables a port only when the kernel gets round to the port's
 * carrier event (its link-watch work, which also sets the port's operational state), some time
 * after {@code ip link set up} returns; on a 500-port star that was half a second or more, during
 * which a ping across the bridge went unanswered. A port is waited for while it is up and has a
 * carrier but its operational state is not yet UP; never longer than {@link #MAX_MILLIS}.
 */
final class BridgePorts {
    static final long MAX_MILLIS = 3000;

    private final Executor exec;

    BridgePorts(Executor exec) {
        this.exec = exec;
    }

    /** Waits for the ports of the namespaces where {@code ran} plugged interfaces into a bridge. */
    void await(List<Step> ran) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Step s : ran) {
            List<String> a = s.command().args();
            if (a.size() >= 6 && a.get(0).equals("link") && a.get(1).equals("set") && a.get(4).equals("master")) {
                namespaces.add(s.command().namespace());
            }
        }
        SettleAfterApply.await(namespaces, MAX_MILLIS, this::pending);
    }

    /**
     * Whether a namespace has a bridge port that is up with a carrier whose state the kernel has
     * not yet made UP. Read from {@code ip -o link} (a line per interface), which on a 500-port
     * bridge costs a fraction of parsing the same as JSON at every poll.
     */
    private boolean pending(String ns) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (ns != null) argv.addAll(List.of("-n", ns));
        argv.addAll(List.of("-o", "link", "show"));
        ExecResult r = exec.run(argv, null);
        if (!r.ok()) return false;
        for (String line : r.out().split("\n")) {
            if (!line.contains(" master ")) continue;
            int open = line.indexOf('<');
            int close = line.indexOf('>', open + 1);
            if (open < 0 || close < 0) continue;
            List<String> flags = List.of(line.substring(open + 1, close).split(","));
            if (flags.contains("UP") && flags.contains("LOWER_UP") && !line.contains(" state UP ")) return true;
        }
        return false;
    }
}
