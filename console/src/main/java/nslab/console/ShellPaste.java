package nslab.console;

import java.io.PrintWriter;
import nslab.imports.ImportModel;
import nslab.imports.ShellImporter;

/**
 * A shell command pasted at the prompt ({@code ip netns add x}, {@code ifconfig ...}, a
 * tutorial's {@code # comment}): translated as {@code nslab import} translates it, each lab line
 * it became printed and then handled as if typed. One importer lives for the session, so a
 * whole tutorial can be pasted line by line: a veth made in one line and moved in the next joins
 * the lab once its ends are placed.
 */
final class ShellPaste {
    private final ConsoleContext ctx;
    private ShellImporter.Session importer = new ShellImporter.Session();

    ShellPaste(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    /** Whether the line is a shell command (or a shell comment) rather than lab language. */
    static boolean accepts(String line) {
        String s = line.strip();
        return s.startsWith("# ") || s.equals("#") || ShellImporter.looksLikeShell(line);
    }

    void handle(String line) {
        PrintWriter out = ctx.out;
        // after reset the lab holds none of what was pasted before: neither may the importer
        if (ctx.session.isEmpty() && importer.addedAny()) importer = new ShellImporter.Session();
        ShellImporter.Session.Step step = importer.paste(line);
        for (ImportModel.Note n : step.untranslated()) out.println("// not translated: " + n.command() + " — " + n.reason());
        for (ImportModel.Note n : step.skipped()) out.println("// skipped: " + n.command() + " — " + n.reason());
        for (String entry : step.entries()) {
            out.println("» " + entry);
            ctx.labLines.typed(entry, out);
        }
        if (step.commands() > 0 && step.entries().isEmpty() && step.untranslated().isEmpty() && step.skipped().isEmpty()
                && step.waiting()) {
            out.println("// waits: a veth joins the lab once its ends are where they stay (moved, or configured)");
        }
    }
}
