package nslab.command;

import nslab.LabCompiler;
import nslab.render.ExplainRenderer;
import picocli.CommandLine.Command;

@Command(name = "explain", description = "Show each script line beside the commands it produces and what each does.")
public final class ExplainCommand extends RenderCommand {
    @Override
    String render(LabCompiler.Compiled compiled) {
        return new ExplainRenderer().render(compiled.plan());
    }
}
