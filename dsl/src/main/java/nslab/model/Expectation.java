package nslab.model;

/**
 * A ping from a namespace to a target (an address or a namespace name) that must succeed or fail.
 * {@code dev}, when set, is the interface the ping must leave by ({@code ping -I dev}).
 */
public record Expectation(String from, String target, boolean reachable, String dev, Source source) {
}
