package nslab.model;

/** A ping from a namespace to a target (an address or a namespace name) that must succeed or fail. */
public record Expectation(String from, String target, boolean reachable, Source source) {
}
