package nslab.console;

import java.io.PrintWriter;
import java.util.List;
import nslab.check.Problem;
import nslab.lang.LabLoader;
import nslab.model.Source;

/**
 * Prints a problem as one line (where, what, and what would be right), followed by the input line
 * it refers to, so a mistake made three lines into a block is easy to find.
 */
final class ProblemPrinter {
    private final ConsoleSession session;

    ProblemPrinter(ConsoleSession session) {
        this.session = session;
    }

    void print(PrintWriter out, List<Problem> problems, LabLoader.Chunk chunk) {
        for (Problem p : problems) {
            String message = p.message();
            if (chunk != null && ConsoleSession.CONSOLE_FILE.equals(chunk.file()) && p.source().line() == chunk.firstLine()) {
                message = GroovyThatStays.columnsAsTyped(message, chunk.text().split("\n", -1)[0]);
            }
            print(out, p.source(), (p.isError() ? "error: " : "warning: ") + message, p.hint(), chunk);
        }
        out.flush();
    }

    void print(PrintWriter out, Source source, String message, String hint, LabLoader.Chunk chunk) {
        source = placed(source, chunk);
        String head = source + ": " + message;
        // in the console it is help that lists the words, not the command line's --help
        if (hint != null) hint = hint.replace("'nslab --help'", "help");
        if (hint != null && !hint.isBlank()) head += " (" + hint.strip() + ")";
        out.println(head);
        String text = source.line() > 0 ? session.lineText(source, chunk) : null;
        if (text != null && !text.isBlank()) out.println(String.format("%5d | %s", source.line(), text.strip()));
        out.flush();
    }

    /**
     * Some Groovy errors come without a stack trace, hence without a line (line 0). When the chunk
     * just typed is a single line, that line is the one; otherwise the message keeps the file only.
     */
    private static Source placed(Source source, LabLoader.Chunk chunk) {
        if (source.line() > 0 || chunk == null || !source.file().equals(chunk.file())) return source;
        if (chunk.text().strip().contains("\n")) return source;
        return new Source(chunk.file(), chunk.firstLine());
    }

    /** Only the warnings about lines of this chunk: earlier lines' warnings were shown when they were typed. */
    static List<Problem> warningsIn(List<Problem> problems, LabLoader.Chunk chunk) {
        int lines = chunk.text().split("\n", -1).length;
        return problems.stream().filter(p -> !p.isError())
                .filter(p -> p.source().file().equals(chunk.file()))
                .filter(p -> p.source().line() >= chunk.firstLine() && p.source().line() < chunk.firstLine() + lines)
                .toList();
    }
}
