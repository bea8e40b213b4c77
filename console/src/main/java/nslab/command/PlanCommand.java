package nslab.command;

import nslab.LabCompiler;
import nslab.render.ShellScriptRenderer;
import nslab.report.JsonShapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "plan", description = "Print the plan as a POSIX shell script (run it as root with sh -e); changes nothing.")
public final class PlanCommand extends RenderCommand {
    @Mixin JsonOption json;

    @Override
    String render(LabCompiler.Compiled compiled) {
        return json.on() ? JsonShapes.text(JsonShapes.plan(compiled.plan())) + "\n"
                : new ShellScriptRenderer().render(compiled.plan());
    }
}
