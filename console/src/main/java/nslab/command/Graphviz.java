package nslab.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import nslab.exec.ProcessLauncher;

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
        ProcessLauncher.Captured r = ProcessLauncher.of(List.of(dot.toString(), "-T" + format))
                .input(graph).timeout(60).capture();
        if (r.exit() == 0 && r.failure() == null) return r.out();
        if (r.failure() == null) throw new IllegalStateException("dot failed: " + r.errText().strip());
        if (r.exit() == ProcessLauncher.TIMED_OUT) throw new IllegalStateException("dot took longer than 60 s");
        if (r.exit() == ProcessLauncher.INTERRUPTED) throw new IllegalStateException("interrupted while dot was drawing");
        throw new IllegalStateException("dot failed: " + r.failure());
    }
}
