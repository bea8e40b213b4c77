package nslab.console;

import java.util.ArrayList;
import java.util.List;
import nslab.LabCompiler;
import nslab.model.Expectation;
import nslab.plan.Command;
import nslab.plan.Step;

/**
 * What a change of the session's lab changes in its plan and expectations: the commands and
 * expectations one lab has that the other has not, counted both ways. The console's answer to a
 * line that changed nothing the kernel would see says so.
 */
record LabDelta(int commandsAdded, int commandsRemoved, int expectationsAdded, int expectationsRemoved) {

    static LabDelta between(LabCompiler.Compiled before, LabCompiler.Compiled after) {
        List<Command> was = commands(before);
        List<Command> now = commands(after);
        List<Expectation> wasExpected = expectations(before);
        List<Expectation> nowExpected = expectations(after);
        return new LabDelta(missingFrom(was, now), missingFrom(now, was), missingFrom(wasExpected, nowExpected),
                missingFrom(nowExpected, wasExpected));
    }

    boolean none() {
        return commandsAdded == 0 && commandsRemoved == 0 && expectationsAdded == 0 && expectationsRemoved == 0;
    }

    /** "4 commands and 1 expectation", of what was added (or, {@code removed}, taken away). */
    String describe(boolean removed) {
        int c = removed ? commandsRemoved : commandsAdded;
        int e = removed ? expectationsRemoved : expectationsAdded;
        List<String> parts = new ArrayList<>();
        if (c > 0) parts.add(count(c, "command"));
        if (e > 0) parts.add(count(e, "expectation"));
        return parts.isEmpty() ? "nothing" : String.join(" and ", parts);
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** How many of {@code to}'s items {@code from} lacks, each item counted as often as it occurs. */
    private static <T> int missingFrom(List<T> from, List<T> to) {
        List<T> left = new ArrayList<>(from);
        int missing = 0;
        for (T t : to) if (!left.remove(t)) missing++;
        return missing;
    }

    private static List<Command> commands(LabCompiler.Compiled c) {
        return c == null || c.plan() == null ? List.of() : c.plan().steps().stream().map(Step::command).toList();
    }

    private static List<Expectation> expectations(LabCompiler.Compiled c) {
        if (c == null || c.lab() == null) return List.of();
        // the same expectation typed on another line is the same: compare without its source
        return c.lab().expectations().stream().map(e -> new Expectation(e.from(), e.target(), e.reachable(), e.dev(), null)).toList();
    }
}
