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
     * script line it came from; {@code restored} says whether everything done was undone.
     */
    public record Failure(String command, String kernelSaid, String hint, Source source, String scriptLine,
                          boolean restored) {
        public String format() {
            StringBuilder sb = new StringBuilder();
            if (command == null) { // stopped by a signal, not by the kernel
                sb.append("apply stopped: ").append(kernelSaid).append('\n');
                sb.append(restored ? "    everything this apply had done was undone"
                        : "    some of what this apply did could not be undone; 'nslab destroy' removes the rest");
                return sb.toString();
            }
            sb.append(source).append(": the kernel refused: ").append(command).append('\n');
            if (scriptLine != null && !scriptLine.isBlank()) sb.append("    script line: ").append(scriptLine.trim()).append('\n');
            sb.append("    kernel said: ").append(kernelSaid == null || kernelSaid.isBlank() ? "(nothing)" : kernelSaid).append('\n');
            if (hint != null) sb.append("    ").append(hint).append('\n');
            sb.append(restored ? "    everything this apply had done was undone"
                    : "    some of what this apply did could not be undone; 'nslab destroy' removes the rest");
            return sb.toString();
        }
    }
}
