package nslab.cli;

import nslab.LabCompiler;
import nslab.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", mixinStandardHelpOptions = true, description = "Draw the lab's topology.")
final class GraphCommand extends RenderCommand {
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|dot|mermaid",
            description = "text (default), dot (Graphviz) or mermaid") String format;

    @Override
    String usageError() {
        try {
            GraphRenderer.Format.valueOf(format.toUpperCase());
            return null;
        } catch (IllegalArgumentException e) {
            return "--format takes text, dot or mermaid, not '" + format + "'";
        }
    }

    @Override
    String render(LabCompiler.Compiled compiled) {
        return new GraphRenderer().render(compiled.lab(), GraphRenderer.Format.valueOf(format.toUpperCase()));
    }
}
