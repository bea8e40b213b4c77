package nslab.report;

import java.util.List;
import nslab.engine.CheckResult;

/**
 * A lab's expectations as one run checked them: each result beside the one-line verdict of its
 * trace (null where it held or could not be traced), whether the lab was live, and how long the
 * pings took. Worked out once; the text table, the JSON and the JUnit report all read it.
 */
public record CheckRun(String lab, boolean live, List<CheckResult> results, List<String> verdicts, long millis) {
    public CheckRun {
        results = List.copyOf(results);
        verdicts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(verdicts)); // nulls allowed
        if (verdicts.size() != results.size()) throw new IllegalArgumentException("a verdict slot for each result");
    }

    public boolean ok() {
        return results.stream().allMatch(CheckResult::ok);
    }

    public long failed() {
        return results.stream().filter(r -> !r.ok()).count();
    }
}
