package nslab.console;

import java.util.concurrent.Callable;
import nslab.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", description = "Draw the session's lab's topology.")
final class GraphCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Option(names = "--format", defaultValue = "TEXT", paramLabel = "text|dot|mermaid",
            description = "text (default), dot or mermaid", converter = FormatConverter.class)
    GraphRenderer.Format format;

    GraphCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        if (ctx.requireLab() == null) return 1;
        ctx.out.print(new GraphRenderer().render(ctx.session.lab(), format));
        ctx.out.flush();
        return 0;
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<GraphRenderer.Format> {
        @Override
        public GraphRenderer.Format convert(String value) {
            try {
                return GraphRenderer.Format.valueOf(value.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("takes text, dot or mermaid, not '" + value + "'");
            }
        }
    }
}
