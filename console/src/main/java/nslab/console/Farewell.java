package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nslab.plan.Phase;
import nslab.plan.Step;

/**
 * What the console says on leaving: in the sandbox the lab vanishes with it; otherwise a live lab
 * stays up, and the user is told what is up and how to take it down.
 */
final class Farewell {
    private Farewell() {}

    static void print(ConsoleContext ctx) {
        List<Step> applied = ctx.session.applied();
        if (ctx.options.sandbox()) {
            ctx.out.println("bye: the sandbox and everything in it vanish now");
        } else if (applied.isEmpty()) {
            ctx.out.println("bye");
        } else {
            List<String> namespaces = new ArrayList<>();
            for (Step s : applied) {
                if (s.phase() == Phase.NAMESPACES) namespaces.add(s.command().args().get(2));
            }
            ctx.out.println("lab '" + ctx.session.labName() + "' stays up: namespaces " + String.join(", ", namespaces) + ".");
            Set<String> files = ctx.session.files();
            if (!ctx.session.typedAnything() && files.size() == 1) {
                ctx.out.println("To remove it: ./nslab destroy " + files.iterator().next());
            } else {
                List<String> dels = new ArrayList<>();
                for (String ns : namespaces) dels.add("ip netns del " + ns);
                ctx.out.println("To remove it: type destroy in a console before leaving, or run: " + String.join("; ", dels)
                        + (hostSteps(applied) ? " (and undo its host-side changes by hand)" : ""));
            }
        }
        ctx.out.flush();
    }

    private static boolean hostSteps(List<Step> applied) {
        return applied.stream().anyMatch(s -> s.command().inHost() && s.phase() != Phase.NAMESPACES
                && (s.undo() == null || s.undo().inHost()));
    }
}
