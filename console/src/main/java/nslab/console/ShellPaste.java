package nslab.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import nslab.imports.ImportModel;
import nslab.imports.ShellImporter;

/**
 * A shell command pasted at the prompt ({@code ip netns add x}, {@code ifconfig ...}, a
 * tutorial's {@code # comment}): translated as {@code nslab import} translates it, each lab line
 * it became printed and then handled as if typed. One importer lives for the session, so a
 * whole tutorial can be pasted line by line: a veth made in one line and moved in the next joins
 * the lab once its ends are placed.
 *
 * <p>Every pasted line is answered. A line pasted again stands for the same lab lines as the first
 * time: they are handled again, so one the lab refused before (a route whose gateway was not
 * reachable yet) is taken once the lab has what it lacked, and one the lab has is said to be there.
 * (So each paste reads the lines pasted before it afresh: a tutorial is a few dozen lines.)
 */
final class ShellPaste {
    private final ConsoleContext ctx;
    /** The lines pasted since the session was last empty: each paste is read after them. */
    private final List<String> pasted = new ArrayList<>();

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
        // after reset (or every entry taken back) the lab holds none of what was pasted before
        if (ctx.session.isEmpty() && ctx.session.waiting().isEmpty()) pasted.clear();
        // earlier pastes of this very line are left out, so that it stands for what it stood for
        // the first time (and is told "already in the lab", or taken now, rather than read as a repeat)
        List<String> before = new ArrayList<>(pasted);
        before.removeIf(l -> l.strip().equals(line.strip()));
        ShellImporter.Session importer = new ShellImporter.Session();
        before.forEach(importer::paste);
        ShellImporter.Session.Step step = importer.paste(line);
        List<String> entries = step.entries();
        pasted.add(line);

        for (ImportModel.Note n : step.untranslated()) out.println("// not translated: " + n.command() + " — " + n.reason());
        for (ImportModel.Note n : step.skipped()) out.println("// skipped: " + n.command() + " — " + n.reason());
        for (String entry : entries) {
            out.println("» " + entry);
            ctx.labLines.typed(entry, out);
        }
        if (step.commands() == 0 || !entries.isEmpty() || !step.untranslated().isEmpty() || !step.skipped().isEmpty()) return;
        if (step.waiting()) {
            out.println("// waits: a veth joins the lab once its ends are where they stay (moved, or configured)");
        } else {
            out.println("// adds nothing to the lab: what it sets up is there already");
        }
    }
}
