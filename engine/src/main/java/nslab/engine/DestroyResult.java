package nslab.engine;

import java.util.List;

/**
 * What a destroy did: {@code undone} the undo commands it ran; {@code leftOver} what is still
 * there afterwards (a namespace that would not go); {@code known} false when no journal named the lab;
 * {@code notes} what was left alone and why (no longer the lab's, a host setting changed since).
 */
public record DestroyResult(boolean known, List<String> undone, List<String> namespaces, List<String> leftOver,
                            List<String> notes) {
    public DestroyResult {
        undone = List.copyOf(undone);
        namespaces = List.copyOf(namespaces);
        leftOver = List.copyOf(leftOver);
        notes = List.copyOf(notes);
    }

    public DestroyResult(boolean known, List<String> undone, List<String> namespaces, List<String> leftOver) {
        this(known, undone, namespaces, leftOver, List.of());
    }

    public boolean ok() {
        return known && leftOver.isEmpty();
    }
}
