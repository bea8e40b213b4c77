package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.render.ExplainRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show each script line beside the commands it produces and what each does.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;

    @Override
    public Integer call() {
        LabCompiler.Compiled c = LabArgument.compile(lab, spec.commandLine().getErr());
        if (c == null) return ExitCodes.INVALID_LAB;
        spec.commandLine().getOut().print(new ExplainRenderer().render(c.plan()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
