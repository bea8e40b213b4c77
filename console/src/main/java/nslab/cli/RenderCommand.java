package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that reads a lab and prints something made from it, touching nothing. */
abstract class RenderCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;

    /** Checks options before the lab is read; a message means a usage error. */
    String usageError() {
        return null;
    }

    abstract String render(LabCompiler.Compiled compiled);

    @Override
    public Integer call() {
        String usage = usageError();
        if (usage != null) {
            spec.commandLine().getErr().println(usage);
            return ExitCodes.USAGE;
        }
        LabCompiler.Compiled c = LabArgument.compile(lab, spec.commandLine().getErr());
        if (c == null) return ExitCodes.INVALID_LAB;
        spec.commandLine().getOut().print(render(c));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
