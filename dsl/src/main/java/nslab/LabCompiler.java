package nslab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nslab.check.Problem;
import nslab.check.Validator;
import nslab.lang.LabLoader;
import nslab.model.Lab;
import nslab.plan.Plan;
import nslab.plan.Planner;

/**
 * The whole one-way path: script, model, validation, plan. A lab with errors gets no plan;
 * warnings come along with a plan.
 */
public final class LabCompiler {
    private final LabLoader loader;
    private final Validator validator = new Validator();
    private final Planner planner = new Planner();

    public LabCompiler() {
        this(new LabLoader());
    }

    /** Scripts read as {@code settings} say (time limit, compiled-script store). */
    public LabCompiler(nslab.lang.ScriptSettings settings) {
        this(new LabLoader(settings));
    }

    public LabCompiler(LabLoader loader) {
        this.loader = loader;
    }

    /** The result: the lab and its plan (both null when there are errors), and every problem found. */
    public record Compiled(Lab lab, Plan plan, List<Problem> problems) {
        public boolean ok() {
            return plan != null;
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    public Compiled compile(Path file) throws IOException {
        return finish(loader.load(file));
    }

    public Compiled compile(String file, String text) {
        return finish(loader.load(file, text));
    }

    public Compiled compile(String defaultName, List<LabLoader.Chunk> chunks) {
        return finish(loader.load(defaultName, chunks));
    }

    private Compiled finish(LabLoader.Loaded loaded) {
        List<Problem> problems = new ArrayList<>(loaded.problems());
        if (loaded.lab() == null) return new Compiled(null, null, sorted(problems));
        problems.addAll(validator.validate(loaded.lab()));
        problems = sorted(problems);
        boolean errors = problems.stream().anyMatch(Problem::isError);
        return new Compiled(errors ? null : loaded.lab(), errors ? null : planner.plan(loaded.lab()), problems);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        List<Problem> copy = new ArrayList<>(problems);
        copy.sort(Comparator.comparing((Problem p) -> p.source().file()).thenComparingInt(p -> p.source().line()));
        return copy;
    }
}
