package nslab.console;

/** The first lines the console prints: where the user is and how to start. */
final class PrintWelcome {
    private PrintWelcome() {}

    static void print(ConsoleContext ctx) {
        ctx.out.println("nslab console" + (ctx.options.sandbox() ? " (sandbox: everything vanishes on exit)" : "")
                + ". Type lab language or a command; help lists both, Tab completes, exit or Ctrl-D leaves.");
        if (ctx.options.live()) ctx.out.println("live mode: each lab line is applied at once");
        ctx.out.flush();
    }
}
