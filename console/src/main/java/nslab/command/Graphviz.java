package nslab.command;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
        try {
            Process p = new ProcessBuilder(dot.toString(), "-T" + format).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
            try (OutputStream in = p.getOutputStream()) {
                in.write(graph.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("dot took longer than 60 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("dot failed: " + new String(err.get(), StandardCharsets.UTF_8).strip());
            }
            return out.get();
        } catch (IOException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("dot failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dot was drawing");
        }
    }

    private static byte[] readAll(InputStream in) {
        try (in; ByteArrayOutputStream buf = new ByteArrayOutputStream()) {
            in.transferTo(buf);
            return buf.toByteArray();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
