package nslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import nslab.LabCompiler;
import nslab.check.Problem;
import nslab.check.Suggestions;
import nslab.command.Precondition;
import nslab.grow.TopologyLab;

/**
 * Writes the lab of {@code --topo} into a folder, under a name of its own: {@code linear-5.groovy},
 * the same file again when it holds the same lab, else {@code linear-5-2.groovy} and so on, so that
 * a lab someone edited is never written over. Nothing is written when the lab would not compile.
 */
final class TopologyFile {
    private TopologyFile() {}

    /** The file's name as the user would type it (relative to the folder when it is the current one). */
    static String write(String spec, Path folder, PrintWriter err) {
        TopologyLab.Generated lab = TopologyLab.of(spec).orElseThrow(() -> new Precondition.BadArgument(
                "nslab: --topo " + spec + " is no topology nslab knows" + hint(spec) + "; write one of: "
                        + String.join(" ", TopologyLab.FORMS)));
        LabCompiler.Compiled check = new LabCompiler().compile(lab.baseName() + ".groovy", lab.text());
        if (!check.ok()) {
            // the generator's own errors; a ping to a namespace it did not make says nothing more
            List<Problem> errors = check.errors().stream().filter(p -> p.source().line() == TopologyLab.GENERATOR_LINE).toList();
            for (Problem p : errors.isEmpty() ? check.errors() : errors) err.println("nslab: --topo " + spec + ": " + p.message() + (p.hint() == null ? "" : " (" + p.hint() + ")"));
            err.flush();
            throw new Precondition.NoValidLab(null);
        }
        for (int n = 1; n < 1000; n++) {
            Path file = folder.resolve(lab.baseName() + (n == 1 ? "" : "-" + n) + ".groovy");
            try {
                if (Files.isRegularFile(file) && Files.readString(file).equals(lab.text())) return said(file, err, false);
                Files.writeString(file, lab.text(), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return said(file, err, true);
            } catch (FileAlreadyExistsException e) {
                // someone's file, perhaps edited: the next name
            } catch (IOException e) {
                throw new Precondition.NoValidLab("nslab: cannot write " + file + ": " + e.getMessage());
            }
        }
        throw new Precondition.NoValidLab("nslab: no free name for " + lab.baseName() + ".groovy in " + folder.toAbsolutePath());
    }

    private static String said(Path file, PrintWriter err, boolean written) {
        err.println("nslab: " + (written ? "wrote " : "the same lab is in ") + file + "; edit it, and apply it again with: nslab apply " + file);
        err.flush();
        return file.toString();
    }

    private static String hint(String spec) {
        String kind = spec.split(",", -1)[0].strip();
        if (TopologyLab.KINDS.containsKey(kind)) return " (" + kind + " takes " + TopologyLab.KINDS.get(kind) + ")";
        return Suggestions.closest(kind, TopologyLab.KINDS.keySet().stream().sorted().toList())
                .map(c -> " (did you mean " + TopologyLab.KINDS.get(c) + "?)").orElse("");
    }
}
