package nslab.command;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nslab.LabCompiler;
import nslab.render.GraphRenderer;
import nslab.render.TopologyPicture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "graph", description = "Draw the lab's topology.")
public final class GraphCommand extends RenderCommand {
    /** The text forms, and the pictures Graphviz's dot draws. */
    public enum Format { TEXT, DOT, MERMAID, SVG, PNG }

    /** The formats as they are typed, for shell completion and the man page. */
    static final class Formats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values()).map(f -> f.name().toLowerCase()).iterator();
        }
    }

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|dot|mermaid|svg|png", completionCandidates = Formats.class,
            description = "text (default), dot (Graphviz) or mermaid; svg or png: a picture drawn by Graphviz's dot"
                    + " (when installed), the live lab's down links drawn as such") Format format;
    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write it to FILE instead of printing it")
    Path output;

    @Override
    public Integer call() {
        if (output == null && format != Format.SVG && format != Format.PNG) return super.call();
        PrintWriter err = spec.commandLine().getErr();
        LabCompiler.Compiled c = lab.compiled(err);
        byte[] bytes = switch (format) {
            case SVG, PNG -> picture(c);
            default -> render(c).getBytes(StandardCharsets.UTF_8);
        };
        if (output != null) {
            try {
                Files.write(output, bytes);
            } catch (IOException e) {
                throw new Precondition.BadArgument(output + ": cannot write: " + e.getMessage());
            }
        } else if (format == Format.PNG) {
            if (System.console() != null) {
                throw new Precondition.BadArgument("nslab graph: a PNG is an image, not text for the terminal: give -o FILE.png");
            }
            System.out.write(bytes, 0, bytes.length);
            System.out.flush();
        } else {
            spec.commandLine().getOut().print(new String(bytes, StandardCharsets.UTF_8));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.OK;
    }

    private byte[] picture(LabCompiler.Compiled c) {
        String kind = format.name().toLowerCase();
        Graphviz dot = Graphviz.onPath(lab.settings().path())
                .orElseThrow(() -> new Precondition.NotPermitted(Graphviz.missingMessage(kind)));
        TopologyPicture.Links links = LiveLinks.of(lab, c.lab(), spec.commandLine().getOut());
        return dot.render(new TopologyPicture().dot(c.lab(), links), kind);
    }

    @Override
    String render(LabCompiler.Compiled compiled) {
        GraphRenderer.Format text = GraphRenderer.Format.valueOf(format.name());
        return new GraphRenderer().render(compiled.lab(), text);
    }
}
