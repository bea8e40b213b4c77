package nslab.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "save", description = "Write the session's lab as a script that nslab apply builds the same.")
final class SaveCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Parameters(paramLabel = "FILE", description = "where to write it (*.groovy)") Path file;

    SaveCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.session.isEmpty() && ctx.session.waiting().isEmpty()) {
            ctx.out.println("save: " + ConsoleSession.NO_LAB_YET);
            ctx.out.flush();
            return ExitCodes.INVALID_LAB;
        }
        try {
            Files.writeString(file, ctx.session.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            ctx.out.println("save: cannot write " + file + ": " + e.getMessage());
            ctx.out.flush();
            return ExitCodes.USAGE;
        }
        ctx.out.println("saved lab " + ctx.session.labName() + " to " + file + " (nslab apply " + file + " builds it)");
        ctx.out.flush();
        return ExitCodes.OK;
    }
}
