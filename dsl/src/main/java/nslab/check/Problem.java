package nslab.check;

import nslab.model.Source;

/** One thing wrong (or doubtful) in a lab script: where, what, and what would be right. */
public record Problem(Severity severity, Source source, String message, String hint) {

    public enum Severity { ERROR, WARNING }

    /** A message quotes what the script said, which may hold control characters: they are spelt out. */
    public Problem {
        message = Printable.of(message);
        hint = Printable.of(hint);
    }

    public static Problem error(Source source, String message, String hint) {
        return new Problem(Severity.ERROR, source, message, hint);
    }

    public static Problem warning(Source source, String message, String hint) {
        return new Problem(Severity.WARNING, source, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line: error: message}, then the hint on its own line. */
    public String format() {
        String head = Printable.of(source.toString()) + ": " + (isError() ? "error" : "warning") + ": " + message;
        return hint == null || hint.isEmpty() ? head : head + "\n    " + hint;
    }
}
