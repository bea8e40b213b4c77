package nslab.model;

/**
 * {@code expect { converged within: '30s' }}: every namespace's routing daemons must have put
 * their routes into the kernel within {@code seconds}; {@code written} is the text as written.
 */
public record Convergence(long seconds, String written, Source source) {
}
