package nslab.engine;

import nslab.model.Expectation;

/**
 * One expectation checked: the address the target stood for, whether the ping got an answer, and
 * whether that is what the lab expects. {@code detail} says why a target could not be pinged;
 * {@code probe} is the ping's command and what it printed the last time it ran (null when none
 * ran), for reports that show a failure's evidence (JUnit).
 */
public record CheckResult(Expectation expectation, String address, boolean reached, String detail, String probe) {
    public CheckResult(Expectation expectation, String address, boolean reached, String detail) {
        this(expectation, address, reached, detail, null);
    }

    public boolean ok() {
        return detail == null && reached == expectation.reachable();
    }

    public String expected() {
        return expectation.reachable() ? "reachable" : "unreachable";
    }

    public String got() {
        if (detail != null) return detail;
        return reached ? "reachable" : "unreachable";
    }
}
