package nslab.engine;

/**
 * A refusal the engine explains in one sentence, with nothing changed by it: the lab is busy, its
 * journal cannot be read, another script owns its name. Commands print the message and exit 3.
 */
public final class EngineException extends RuntimeException {
    public EngineException(String message) {
        super(message);
    }
}
