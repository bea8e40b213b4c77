package nslab.cli;

import nslab.LabCompiler;
import nslab.render.ShellScriptRenderer;
import picocli.CommandLine.Command;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print the plan as a POSIX shell script (run it as root with sh -e); changes nothing.")
final class PlanCommand extends RenderCommand {
    @Override
    String render(LabCompiler.Compiled compiled) {
        return new ShellScriptRenderer().render(compiled.plan());
    }
}
