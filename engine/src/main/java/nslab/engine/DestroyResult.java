package nslab.engine;

import java.util.List;

/**
 * What a destroy did: {@code undone} the undo commands it ran; {@code leftOver} what is still
 * there afterwards (a namespace that would not go); {@code known} false when no journal named the lab.
 */
public record DestroyResult(boolean known, List<String> undone, List<String> namespaces, List<String> leftOver) {
    public DestroyResult {
        undone = List.copyOf(undone);
        namespaces = List.copyOf(namespaces);
        leftOver = List.copyOf(leftOver);
    }

    public boolean ok() {
        return known && leftOver.isEmpty();
    }
}
