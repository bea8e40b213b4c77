package nslab.command;

import java.io.PrintWriter;
import java.io.Writer;
import java.util.Map;
import picocli.CommandLine.Option;
import nslab.report.JsonShapes;

/**
 * {@code --json}, as a verb takes it ({@code @Mixin}): with it, standard output holds one JSON
 * document and nothing else, so the text a person reads goes nowhere and the commands {@code -v}
 * shows go to standard error. Messages and errors stay on standard error and the exit status is
 * the same as without it; a verb that stops before it has a result (exit 1 or 2) prints no document.
 */
public final class JsonOption {
    @Option(names = "--json", description = "print the result as one JSON document (its shape: docs/reference.md)")
    boolean json;

    private static final PrintWriter NOWHERE = new PrintWriter(Writer.nullWriter());

    public boolean on() {
        return json;
    }

    /** Where the text for people goes: {@code out}, or nowhere with --json. */
    public PrintWriter text(PrintWriter out) {
        return json ? NOWHERE : out;
    }

    /** Where the commands -v shows go: {@code out}, or {@code err} with --json. */
    public PrintWriter shown(PrintWriter out, PrintWriter err) {
        return json ? err : out;
    }

    /** Prints the document on {@code out} when --json was given. */
    public void print(PrintWriter out, Map<String, Object> document) {
        if (!json) return;
        out.println(JsonShapes.text(document));
        out.flush();
    }
}
