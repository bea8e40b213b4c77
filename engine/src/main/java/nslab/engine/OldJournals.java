package nslab.engine;

import java.nio.file.Path;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import nslab.model.Source;

/**
 * Journals of older formats (1 and 2), whose records held the commands to undo with. They are
 * never run: for {@code destroy --force}, only the namespaces they made are read, as names, with
 * the identity format 2 recorded (format 1 recorded none, so its namespaces are reported, not
 * deleted: nothing proves they are still the ones it made).
 */
final class OldJournals {
    private OldJournals() {}

    static void readNamespaces(Path file, int format, List<String> lines, Journal into) {
        into.warn(file + ": a format-" + format + " journal; only the namespaces it made are read from it");
        Map<Integer, String> made = new TreeMap<>();
        Map<Integer, Journal.State> states = new TreeMap<>();
        Map<Integer, String> ids = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = format == 1 ? line.split("\t", -1) : JournalLines.parse(line);
            if (f == null || f.length < 2) continue;
            try {
                int id = Integer.parseInt(f[1]);
                // a namespace made: "S id phase bg file line NS IP 3 netns add NAME" (NS "-" or "=")
                if (f[0].equals("S") && f.length >= 12 && (f[6].equals("-") || f[6].equals("=")) && f[7].equals("IP")
                        && f[8].equals("3") && f[9].equals("netns") && f[10].equals("add")) {
                    made.put(id, f[11]);
                    states.put(id, Journal.State.STARTED);
                } else if (made.containsKey(id) && (f[0].equals("R") || f[0].equals("F"))) {
                    states.put(id, Journal.State.REMOVED);
                } else if (made.containsKey(id) && f[0].equals("I") && f.length >= 4 && f[2].equals(Identities.NETNS)) {
                    ids.put(id, f[3]);
                }
            } catch (RuntimeException e) {
                // not a record this reading needs
            }
        }
        made.forEach((id, ns) -> {
            try {
                into.addOld(id, ns, new Source(file.getFileName().toString(), 0), states.get(id), ids.get(id));
            } catch (IllegalArgumentException e) {
                into.warn(file + ": a namespace name nslab does not write was skipped");
            }
        });
    }
}
