package nslab.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.exec.LiveState;
import nslab.plan.Step;

/**
 * Waits, after an apply, until the kernel's duplicate address detection has passed every IPv6
 * address in the namespaces where the apply added IPv6 addresses. A tentative address is not
 * yet the interface's: it answers no neighbour solicitation and is used as no source, so a
 * {@code ping -6} or a trace right after apply went unanswered for a second or two. DAD is what
 * the kernel really does with a new address (a duplicate on the link fails it and stays
 * {@code dadfailed}, which the learner then sees), so nslab waits for it rather than skipping it.
 * Only addresses on an interface that is up with a carrier are waited for (on another, DAD has
 * not begun), never a failed one, and never longer than {@link #MAX_MILLIS}.
 */
final class TentativeAddresses {
    /** DAD takes up to one second of random delay and one of waiting for an answer; more on a loaded machine. */
    static final long MAX_MILLIS = 5000;

    private final Executor exec;

    TentativeAddresses(Executor exec) {
        this.exec = exec;
    }

    /** Waits for the namespaces (null: the root namespace) where {@code ran} added an IPv6 address. */
    void await(List<Step> ran) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (Step s : ran) {
            List<String> a = s.command().args();
            if (a.size() >= 3 && a.get(0).equals("addr") && a.get(1).equals("add") && a.get(2).contains(":")) {
                namespaces.add(s.command().namespace());
            }
        }
        SettleAfterApply.await(namespaces, MAX_MILLIS, this::pending);
    }

    /**
     * Whether a namespace has an interface up with a carrier whose IPv6 addresses are not settled:
     * one still tentative (not one that failed), or no link-local address yet (the kernel adds it
     * a moment after the carrier, and it too goes through DAD).
     */
    boolean pending(String ns) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (ns != null) argv.addAll(List.of("-n", ns));
        argv.addAll(List.of("-j", "addr", "show"));
        ExecResult r = exec.run(argv, null);
        if (!r.ok()) return false;
        for (Map<String, Object> link : LiveState.objects(r.out())) {
            Object flags = link.get("flags");
            if (!(flags instanceof List<?> f) || !f.contains("UP") || !f.contains("LOWER_UP") || f.contains("LOOPBACK")) continue;
            boolean linkLocal = false;
            if (link.get("addr_info") instanceof List<?> infos) {
                for (Object o : infos) {
                    if (!(o instanceof Map<?, ?> a) || !"inet6".equals(a.get("family"))) continue;
                    if (Boolean.TRUE.equals(a.get("tentative")) && !Boolean.TRUE.equals(a.get("dadfailed"))) return true;
                    linkLocal |= "link".equals(a.get("scope"));
                }
            }
            if (!linkLocal) return true;
        }
        return false;
    }
}
