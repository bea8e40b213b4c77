package nslab.console;

import java.io.PrintWriter;
import java.util.List;
import nslab.model.Lab;
import nslab.model.Source;
import nslab.plan.Plan;

/**
 * What the console needs from the machine: bring a plan live, take a lab down, check its
 * expectations, show what is live. The console talks only to this interface; {@link EngineLabRuntime}
 * implements it with the engine of issue 3.
 */
public interface LabRuntime {

    /** Applying failed or was refused; what this apply had done was undone (unless the message says otherwise). */
    final class Failure extends Exception {
        private final transient Source source;

        public Failure(Source source, String message) {
            super(message);
            this.source = source;
        }

        /** The script line the failing step came from, or null (e.g. something in the way). */
        public Source source() {
            return source;
        }
    }

    /** The outcome of one expectation. */
    record CheckResult(String description, boolean passed, String detail) {}

    /**
     * Brings the plan live: runs only what is not live yet (and undoes what the plan no longer has),
     * printing each command that ran to {@code shown}. Returns how many commands ran (0: it was live).
     */
    int apply(Plan plan, PrintWriter shown) throws Failure;

    /** Takes the lab down, printing the undo commands; false when nothing of it was live. */
    boolean destroy(String lab, PrintWriter shown);

    /** Runs the lab's expectations against the live lab. */
    List<CheckResult> check(Lab lab);

    /** What is live of the lab, as text. */
    String status(String lab);

    /** Whether the lab is live (was applied and not destroyed). */
    boolean isLive(String lab);
}
