package nslab.command;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.zeroturnaround.exec.ProcessExecutor;

/** Graphviz's {@code dot}, found on a PATH, turning a graph in the dot language into SVG or PNG. */
public final class Graphviz {
    private final Path dot;

    private Graphviz(Path dot) {
        this.dot = dot;
    }

    /** {@code dot} on {@code path} (a PATH value), if it is there. */
    public static Optional<Graphviz> onPath(String path) {
        if (path == null) return Optional.empty();
        for (String dir : path.split(":")) {
            if (dir.isEmpty()) continue;
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return Optional.of(new Graphviz(candidate));
        }
        return Optional.empty();
    }

    public static String missingMessage(String format) {
        return "nslab graph: --format " + format + " needs Graphviz's dot, which is not installed"
                + " (Debian: apt-get install graphviz); --format dot prints the graph for it";
    }

    /** The picture in {@code format} (svg, png); throws with dot's own message when it refuses. */
    public byte[] render(String graph, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            int exit = new ProcessExecutor(dot.toString(), "-T" + format)
                    .redirectInput(new ByteArrayInputStream(graph.getBytes(StandardCharsets.UTF_8)))
                    .redirectOutput(out)
                    .redirectError(err)
                    .timeout(60, TimeUnit.SECONDS)
                    .execute()
                    .getExitValue();
            if (exit != 0) throw new IllegalStateException("dot failed: " + err.toString(StandardCharsets.UTF_8).strip());
            return out.toByteArray();
        } catch (TimeoutException e) {
            throw new IllegalStateException("dot took longer than 60 s");
        } catch (IOException e) {
            throw new IllegalStateException("dot failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dot was drawing");
        }
    }
}
