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
        if (!ctx.labLines.add(new LabLoader.Chunk(file.toString(), 1, text), ctx.out)) return ExitCodes.INVALID_LAB;
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
