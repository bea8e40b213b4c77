package nslab.console;

import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * A completer built when first needed, or earlier by {@link #prepare()} from a background thread:
 * compiling the registry's completers is not needed to show the prompt, only to answer Tab.
 */
final class LazyCompleter implements Completer {
    private final Supplier<Completer> build;
    private volatile Completer built;

    LazyCompleter(Supplier<Completer> build) {
        this.build = build;
    }

    Completer prepare() {
        Completer c = built;
        if (c == null) {
            synchronized (this) {
                c = built;
                if (c == null) built = c = build.get();
            }
        }
        return c;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        prepare().complete(reader, line, candidates);
    }
}
