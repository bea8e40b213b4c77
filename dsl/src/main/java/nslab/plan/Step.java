package nslab.plan;

import nslab.model.Source;

/**
 * One command of a plan: what it runs, what undoes it, the script line it came from, and one
 * sentence on what it does to the kernel.
 * <p>
 * {@code undo} is null when nothing needs undoing on its own: settings of a device vanish with the
 * device, and everything in a namespace vanishes with the namespace. A {@code sysctl} step's undo
 * is decided when it is applied, by reading the value it replaces.
 * {@code background} marks a {@code run} command, started and left running.
 * {@code effect} says what the step brings into being and what that lives in, for the engine.
 */
public record Step(Phase phase, Command command, Command undo, Source source, String explanation,
                   boolean background, Effect effect) {

    public Step {
        if (effect == null) effect = Effect.other(command.namespace());
    }

    public Step(Phase phase, Command command, Command undo, Source source, String explanation, boolean background) {
        this(phase, command, undo, source, explanation, background, null);
    }

    public Step(Phase phase, Command command, Command undo, Source source, String explanation) {
        this(phase, command, undo, source, explanation, false);
    }

    /** This step with what it brings into being. */
    public Step with(Effect effect) {
        return new Step(phase, command, undo, source, explanation, background, effect);
    }

    public String namespace() {
        return command.namespace();
    }
}
