package nslab.engine;

import nslab.model.Source;
import nslab.plan.Command;
import nslab.plan.Effect;
import nslab.plan.Phase;

/** One line of a journal, as data ({@link JournalCodec} writes and reads them). */
sealed interface JournalRecord {
    /** The first line: the format, the lab, the real path of its script (null: none). */
    record Header(int version, String lab, String source) implements JournalRecord {}

    /** An apply by this process ({@code pid} and its start time); its children carry the same mark. */
    record Applier(long pid, long start) implements JournalRecord {}

    /** When the intents that follow were written (wall clock, nanoseconds since the epoch). */
    record Time(long epochNanos) implements JournalRecord {}

    /**
     * A step about to run: where it comes from, what it runs (kept to compare with the next plan
     * and to show; never run from here), what it reaches ({@code effect}) and what it makes
     * ({@code made}, from which its undo is worked out).
     */
    record Intent(int id, Phase phase, boolean background, Source source, Command command, Effect effect, Made made)
            implements JournalRecord {}

    /** A step took effect, failed, is being removed, or was removed. */
    record Mark(int id, Journal.State state) implements JournalRecord {}

    /** The value a sysctl had before the step set it, read just before. */
    record OldValue(int id, String value) implements JournalRecord {}

    /** The process a {@code run} step started, with its start time (field 22 of /proc/PID/stat). */
    record Pid(int id, long pid, long start) implements JournalRecord {}

    /** Who what a step made is: {@code netns} dev:inode:ctime, {@code ifindex NAME} n, a host sysctl's {@code original}... */
    record Identity(int id, String key, String value) implements JournalRecord {}

    /** A note added, or taken back. */
    record Noted(JournalNote note, boolean added) implements JournalRecord {}
}
