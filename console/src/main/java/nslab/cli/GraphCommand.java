package nslab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.render.GraphRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "graph", mixinStandardHelpOptions = true, description = "Draw the lab's topology.")
final class GraphCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;
    @Option(names = "--format", defaultValue = "text", paramLabel = "text|dot|mermaid",
            description = "text (default), dot (Graphviz) or mermaid") String format;

    @Override
    public Integer call() {
        GraphRenderer.Format f;
        try {
            f = GraphRenderer.Format.valueOf(format.toUpperCase());
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("--format takes text, dot or mermaid, not '" + format + "'");
            return ExitCodes.USAGE;
        }
        LabCompiler.Compiled c = LabArgument.compile(lab, spec.commandLine().getErr());
        if (c == null) return ExitCodes.INVALID_LAB;
        spec.commandLine().getOut().print(new GraphRenderer().render(c.lab(), f));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
