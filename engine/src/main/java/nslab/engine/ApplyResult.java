package nslab.engine;

import java.util.List;
import nslab.model.Source;

/**
 * What an apply did. {@code ran}: the commands that took effect, as a shell would read them;
 * {@code undone}: the undo commands run for steps the script no longer has (an incremental apply)
 * or, after a failure, for the rollback; {@code conflicts}: what was in the way; {@code signal}: the
 * signal (SIGINT 2, SIGTERM 15) that stopped the apply and made it roll back, else 0.
 */
public record ApplyResult(Status status, List<String> ran, List<String> undone, List<String> conflicts,
                          Failure failure, int signal) {
    public enum Status { APPLIED, UP_TO_DATE, CONFLICT, FAILED }

    public ApplyResult {
        ran = List.copyOf(ran);
        undone = List.copyOf(undone);
        conflicts = List.copyOf(conflicts);
    }

    public ApplyResult(Status status, List<String> ran, List<String> undone, List<String> conflicts, Failure failure) {
        this(status, ran, undone, conflicts, failure, 0);
    }

    public boolean ok() {
        return status == Status.APPLIED || status == Status.UP_TO_DATE;
    }

    /**
     * The step that failed: the command, what the kernel said, a hint when there is one, the
     * script line it came from; {@code restored} says whether everything done was undone. Data
     * only: the console module puts it into words.
     */
    public record Failure(String command, String kernelSaid, String hint, Source source, String scriptLine,
                          boolean restored) {
    }
}
