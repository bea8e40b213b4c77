package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.check.Problem;
import nslab.lang.LabLoader;

/**
 * An entry typed before what it names: at the prompt a block may name a namespace or an interface
 * that a later block declares (as a tutorial does), which a file never needs since references
 * resolve after the whole script. Such an entry waits instead of being refused. Only a name that is
 * simply missing waits: one close to an existing name (the validator's "did you mean") is a typo
 * and stays an error.
 */
record Waiting(LabLoader.Chunk chunk, List<String> waitsFor) {

    private static final List<Pattern> MISSING = List.of(
            Pattern.compile("^(namespace '[^']+') is used here but never declared"),
            Pattern.compile("^(?:dev|port) ('[^']+')(?: of bridge \\S+)? names an interface declared nowhere in (\\S+)"),
            Pattern.compile("^(?:reach|unreachable) starts from (namespace '[^']+'), which is not declared"),
            Pattern.compile("^(?:reach|unreachable) target '([^']+)' is neither an IP address nor a namespace"));

    /** What the problems wait for, or empty when any of them is a real mistake. */
    static Optional<List<String>> of(List<Problem> errors) {
        if (errors.isEmpty()) return Optional.empty();
        List<String> names = new ArrayList<>();
        for (Problem p : errors) {
            Optional<String> missing = missing(p);
            if (missing.isEmpty()) return Optional.empty();
            if (!names.contains(missing.get())) names.add(missing.get());
        }
        return Optional.of(names);
    }

    private static Optional<String> missing(Problem p) {
        if (p.hint() != null && p.hint().startsWith("did you mean")) return Optional.empty();
        for (int i = 0; i < MISSING.size(); i++) {
            Matcher m = MISSING.get(i).matcher(p.message());
            if (!m.find()) continue;
            return Optional.of(switch (i) {
                case 1 -> "interface " + m.group(1) + " in " + m.group(2);
                case 3 -> "namespace '" + m.group(1) + "'";
                default -> m.group(1);
            });
        }
        return Optional.empty();
    }

    /** {@code <console>:3 waits for namespace 'gateway'}. */
    String describe() {
        return chunk.file() + ":" + chunk.firstLine() + " waits for " + String.join(", ", waitsFor);
    }
}
