package nslab.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import nslab.lang.LabLoader;
import nslab.model.Lab;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", description = "Add a lab file to the session's lab (loading it again replaces it).")
final class LoadCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(paramLabel = "FILE", description = "a lab script (*.groovy)") Path file;

    LoadCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return load(ctx, file);
    }

    static int load(ConsoleContext ctx, Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            ctx.out.println("load: cannot read " + file + (Files.exists(file) ? ": " + e.getMessage() : ": no such file"));
            ctx.out.flush();
            return ExitCodes.INVALID_LAB;
        }
        boolean merging = !ctx.session.isEmpty() && !ctx.session.files().contains(file.toString());
        if (merging) {
            // a second lab joins the first: say so, since its names may meet the first one's
            ctx.out.println("load: merging " + file + " into the session's lab (namespaces: "
                    + String.join(", ", ctx.session.namespaceNames()) + "); to start over instead: reset, then load " + file);
        }
        if (!ctx.labLines.add(new LabLoader.Chunk(file.toString(), 1, text), ctx.out)) {
            if (merging) ctx.out.println("load: " + file + " was not merged; reset empties the session, then load " + file + " loads it alone");
            ctx.out.flush();
            return ExitCodes.INVALID_LAB;
        }
        Lab lab = ctx.session.lab();
        ctx.out.println("loaded " + file + ": lab '" + lab.name() + "', " + lab.created().size() + " namespaces, "
                + ctx.session.plan().steps().size() + " commands in its plan"
                + (ctx.session.isLive() ? "" : " (not applied: plan shows them, apply runs them)"));
        if (!ctx.session.isLive() && ctx.engine.isLive(lab.name())) {
            // applied earlier (its journal says so): say so rather than quietly re-applying
            ctx.out.println("lab '" + lab.name() + "' is live from before: apply brings it up to date and turns live mode on");
        }
        ctx.out.flush();
        return ExitCodes.OK;
    }
}
