package nslab.console;

import java.io.PrintWriter;
import java.util.List;
import nslab.model.Lab;
import nslab.plan.Step;

/**
 * What the console needs from the machine: apply plan steps, undo them, check expectations and
 * show what is live. The console only talks to this interface, so the engine of issue 3 can take
 * the place of {@link ProcessLabRuntime} without the console changing.
 */
public interface LabRuntime {

    /** Applying stopped at {@code step}; what this call had done before it was undone. */
    final class Failure extends Exception {
        private final transient Step step;

        public Failure(Step step, String message) {
            super(message);
            this.step = step;
        }

        public Step step() {
            return step;
        }
    }

    /** The outcome of one expectation. */
    record CheckResult(String description, boolean passed, String detail) {}

    /**
     * Runs the steps in order, printing each command to {@code shown} as it runs (when not null).
     * All or nothing: on a failing step, the steps this call ran are undone and Failure is thrown.
     */
    void apply(List<Step> steps, PrintWriter shown) throws Failure;

    /**
     * Refuses, before anything changes, when a namespace or host interface these steps would
     * create already exists (apply never touches what the lab did not create).
     */
    void checkNothingInTheWay(List<Step> steps) throws Failure;

    /** Undoes applied steps (given in the order they were applied), printing each command run. */
    void destroy(List<Step> applied, PrintWriter shown);

    /** Runs the lab's expectations against the live lab. */
    List<CheckResult> check(Lab lab);

    /** What is live on the kernel for this lab (or for the machine when lab is null), as text. */
    String status(Lab lab);
}
