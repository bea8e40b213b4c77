package nslab.command;

import nslab.LabCompiler;
import nslab.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", description = "Draw the lab's topology.")
public final class GraphCommand extends RenderCommand {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|dot|mermaid",
            description = "text (default), dot (Graphviz) or mermaid") GraphRenderer.Format format;

    @Override
    String render(LabCompiler.Compiled compiled) {
        return new GraphRenderer().render(compiled.lab(), format);
    }
}
