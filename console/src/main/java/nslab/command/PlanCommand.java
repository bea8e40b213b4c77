package nslab.command;

import nslab.LabCompiler;
import nslab.render.ShellScriptRenderer;
import picocli.CommandLine.Command;

@Command(name = "plan", description = "Print the plan as a POSIX shell script (run it as root with sh -e); changes nothing.")
public final class PlanCommand extends RenderCommand {
    @Override
    String render(LabCompiler.Compiled compiled) {
        return new ShellScriptRenderer().render(compiled.plan());
    }
}
