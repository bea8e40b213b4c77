package nslab.engine;

/**
 * How far a long apply or destroy has got, as data for the user interface to show (the engine
 * draws nothing): the phase it is in, and the steps (apply) or undo commands (destroy) done of
 * those it has to do.
 */
public record Progress(String verb, String phase, int done, int total) {

    /** Told as the work goes on, from the engine's threads; {@link #finished} once it is over, whatever the outcome. */
    public interface Listener {
        void progress(Progress p);

        default void finished() {}

        /** Where the time went: {@code what} took {@code nanos} (for bench/; shown only when asked for). */
        default void timed(String what, long nanos) {}

        Listener NONE = p -> {};
    }
}
