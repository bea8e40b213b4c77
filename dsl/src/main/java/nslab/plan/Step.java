package nslab.plan;

import nslab.model.Source;

/**
 * One operation of a plan: what it does, what undoes it, the script line it came from, and one
 * sentence on what it does to the kernel.
 * <p>
 * {@code undoOperation} is null when nothing needs undoing on its own: settings of a device vanish
 * with the device, and everything in a namespace vanishes with the namespace. A {@code sysctl}
 * step's undo is decided when it is applied, by reading the value it replaces.
 * {@code background} marks a {@code run} command, started and left running.
 * {@code effect} says what the step brings into being and what that lives in, for the engine.
 */
public record Step(Phase phase, Operation operation, Operation undoOperation, Source source, String explanation,
                   boolean background, Effect effect) {

    public Step {
        if (effect == null) effect = Effect.other(operation.at());
    }

    public Step(Phase phase, Operation operation, Operation undoOperation, Source source, String explanation) {
        this(phase, operation, undoOperation, source, explanation, false, null);
    }

    /** A step of commands nobody typed (read back from a journal, or written by hand). */
    public Step(Phase phase, Command command, Command undo, Source source, String explanation,
                boolean background, Effect effect) {
        this(phase, new Operation.Verbatim(command), undo == null ? null : new Operation.Verbatim(undo), source,
                explanation, background, effect);
    }

    public Step(Phase phase, Command command, Command undo, Source source, String explanation, boolean background) {
        this(phase, command, undo, source, explanation, background, null);
    }

    public Step(Phase phase, Command command, Command undo, Source source, String explanation) {
        this(phase, command, undo, source, explanation, false);
    }

    /** This step with what it brings into being. */
    public Step with(Effect effect) {
        return new Step(phase, operation, undoOperation, source, explanation, background, effect);
    }

    /** The command line that carries it out, as the printed plan shows it. */
    public Command command() {
        return operation.command();
    }

    /** The command line that undoes it, or null. */
    public Command undo() {
        return undoOperation == null ? null : undoOperation.command();
    }

    public String namespace() {
        return operation.at();
    }
}
