package nslab.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Polls, after an apply, the namespaces where something the kernel finishes later (a bridge
 * port's carrier event, an IPv6 address's duplicate address detection) is still pending, until
 * none is or {@code maxMillis} have passed: a lab answers when apply returns.
 */
final class SettleAfterApply {
    private static final long POLL_MILLIS = 50;

    private SettleAfterApply() {}

    /** {@code pending}: whether a namespace (null: the root namespace) still waits for the kernel. */
    static void await(Collection<String> namespaces, long maxMillis, Predicate<String> pending) {
        if (namespaces.isEmpty()) return;
        long until = System.nanoTime() + maxMillis * 1_000_000;
        List<String> waiting = new ArrayList<>(namespaces);
        while (!waiting.isEmpty() && System.nanoTime() < until) {
            waiting.removeIf(ns -> !pending.test(ns));
            if (waiting.isEmpty()) return;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
