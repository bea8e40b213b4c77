package nslab.lang;

import java.time.Duration;
import nslab.model.Source;

/**
 * Bounds on evaluating a lab script. A script is code and runs like a Makefile does; these keep
 * a mistake in it (an endless loop, blocks nested without end, a generated file of megabytes)
 * from hanging or exhausting {@code plan} instead of ending in one clear line.
 * <p>
 * The time limit is 30 seconds unless {@code NSLAB_SCRIPT_TIMEOUT} (seconds) or the command
 * line's {@code --script-timeout} says otherwise ({@link ScriptSettings}); a lab of a thousand
 * namespaces evaluates in well under a second.
 */
public final class ScriptLimits {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final String TIMEOUT_VARIABLE = "NSLAB_SCRIPT_TIMEOUT";
    /** Blocks of the language inside each other: a lab needs three (namespace, dev, and a loop's). */
    public static final int MAX_NESTING = 16;
    /** Braces, brackets and parentheses inside each other in the text, counted before Groovy parses it. */
    public static final int MAX_TEXT_NESTING = 100;
    /**
     * A hand-written lab is a few kilobytes; a loop writes the large ones. Compiling is not under
     * the time limit, so this bounds it: Groovy compiles a script's top level into one method,
     * which the JVM caps at 64 KB of bytecode, so a script of statements one after another fails
     * near 100 KB anyway, after seconds of compiling.
     */
    public static final int MAX_SCRIPT_BYTES = 256 * 1024;

    private ScriptLimits() {}

    /** Seconds, e.g. "30" or "2.5"; empty when the text is no positive number. */
    public static java.util.Optional<Duration> parse(String seconds) {
        if (seconds == null || !seconds.strip().matches("\\d{1,6}(\\.\\d{1,3})?")) return java.util.Optional.empty();
        long millis = Math.round(Double.parseDouble(seconds.strip()) * 1000);
        return millis <= 0 ? java.util.Optional.empty() : java.util.Optional.of(Duration.ofMillis(millis));
    }

    static String describe(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    /** Blocks nested deeper than {@link #MAX_NESTING}, raised where the next one would open. */
    static final class NestingTooDeep extends RuntimeException {
        final Source at;

        NestingTooDeep(Source at) {
            super("blocks nested more than " + MAX_NESTING + " deep", null, false, false);
            this.at = at;
        }
    }
}
