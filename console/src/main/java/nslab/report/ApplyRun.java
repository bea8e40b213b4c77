package nslab.report;

import java.util.List;
import nslab.engine.ApplyResult;
import nslab.model.Expectation;

/**
 * What one {@code apply} did, for the JSON and JUnit reports: the engine's result, how many steps
 * the plan has, where the time went, and the expectations checked after it ({@code check} null
 * when they were not run: the apply failed, {@code --no-check}, or the lab has none) and the
 * lab's expectations, so a report can list those not run.
 */
public record ApplyRun(String lab, int planned, ApplyResult result, long compileMillis, long applyMillis, CheckRun check,
                       List<Expectation> expectations) {
    public ApplyRun {
        expectations = List.copyOf(expectations);
    }
}
