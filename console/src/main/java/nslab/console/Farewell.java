package nslab.console;

import java.util.List;

/**
 * What the console says on leaving: in the sandbox the lab vanishes with it; otherwise a live lab
 * stays up, and the user is told what is up and how to take it down.
 */
final class Farewell {
    private Farewell() {}

    static void print(ConsoleContext ctx) {
        String name = ctx.session.labName();
        if (ctx.options.sandbox()) {
            ctx.out.println("bye: the sandbox and everything in it vanish now");
        } else if (!ctx.engine.isLive(name)) {
            ctx.out.println("bye");
        } else {
            List<String> namespaces = ctx.session.namespaceNames();
            ctx.out.println("lab '" + name + "' stays up" + (namespaces.isEmpty() ? "" : ": namespaces " + String.join(", ", namespaces)) + ".");
            ctx.out.println("To remove it: ./nslab destroy " + name + " (or destroy in the console before exit)");
        }
        ctx.out.flush();
    }
}
