package nslab.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * What became of a batch of operations: the indexes of those that took effect, the one that
 * failed (-1: none, or not known), the kernel's error number (0: not known) and its words.
 * When a failure is not located, every operation counts as possibly done ({@code done} holds
 * them all), so that undoing errs on the side of cleaning up.
 */
public record Outcome(List<Integer> done, int failed, int errno, String message) {
    public Outcome {
        done = List.copyOf(done);
    }

    /** Every one of {@code count} operations took effect. */
    public static Outcome allDone(int count) {
        return new Outcome(upTo(count), -1, 0, null);
    }

    /** The batch failed somewhere not known: all count as possibly done. */
    public static Outcome unlocated(int count, String message) {
        return new Outcome(upTo(count), -1, 0, message);
    }

    public boolean ok() {
        return failed == -1 && message == null;
    }

    static List<Integer> upTo(int count) {
        List<Integer> all = new ArrayList<>(count);
        for (int i = 0; i < count; i++) all.add(i);
        return all;
    }
}
