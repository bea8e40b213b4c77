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
            print(out, p.source(), (p.isError() ? "error: " : "warning: ") + message, withEntryOffer(p, chunk), chunk);
        }
        out.flush();
    }

    private static final java.util.regex.Pattern FIRST_AT = java.util.regex.Pattern.compile("first at line (\\d+)");

    /**
     * A typed line that clashes with an earlier entry (an address or a name given twice) is most
     * often that entry typed again, corrected: the hint offers to change or take back the entry.
     */
    private String withEntryOffer(Problem p, LabLoader.Chunk chunk) {
        if (chunk == null || !ConsoleSession.CONSOLE_FILE.equals(chunk.file()) || !p.isError()) return p.hint();
        java.util.regex.Matcher m = FIRST_AT.matcher(p.message());
        if (!m.find()) return p.hint();
        var entry = session.typedEntryHolding(Integer.parseInt(m.group(1)));
        if (entry.isEmpty()) return p.hint();
        int n = entry.get().firstLine();
        String offer = "edit " + n + " changes that entry, undo " + n + " takes it back";
        return p.hint() == null || p.hint().isBlank() ? offer : p.hint().strip() + "; or " + offer;
    }

    void print(PrintWriter out, Source source, String message, String hint, LabLoader.Chunk chunk) {
        source = placed(source, chunk);
        String head = source + ": " + message;
        // in the console it is its own help that lists the words
        if (hint != null) hint = hint.replace("help in the console (./nslab)", "help");
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
