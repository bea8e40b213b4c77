package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.render.ShellScriptRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the plan as a POSIX shell script (run it as root with sh -e); changes nothing.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;

    @Override
    public Integer call() {
        LabCompiler.Compiled c = LabArgument.compile(lab, spec.commandLine().getErr());
        if (c == null) return ExitCodes.INVALID_LAB;
        spec.commandLine().getOut().print(new ShellScriptRenderer().render(c.plan()));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
