package nslab.imports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns shell commands as pasted from a tutorial into a lab script that builds what they build:
 * read the lines ({@link ShellLines}), translate each command into the model ({@link Translation}),
 * write the model as lab language ({@link LabWriter}). What cannot be translated is kept, with
 * its line number, in the result and as comments in the lab.
 */
public final class ShellImporter {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    /** The lab script, and the commands left out: untranslated ones make the import incomplete. */
    public record Result(String lab, List<ImportModel.Note> untranslated, List<ImportModel.Note> skipped) {
        public boolean complete() {
            return untranslated.isEmpty();
        }
    }

    private ShellImporter() {}

    /**
     * @param from    what the text was read from (a file name, for the lab's first comment), or null
     * @param labName the lab's name, or null to leave it to the file the lab is saved in
     */
    public static Result importText(String text, String from, String labName) {
        Translation t = new Translation();
        feed(t, ShellLines.read(text));
        String name = labName != null && NAME.matcher(labName).matches() ? labName : null;
        return new Result(new LabWriter().write(name, from, t.model), t.model.untranslated(), t.model.skipped());
    }

    /** A lab name from a file name: its base name, when that is a valid lab name. */
    public static String labNameOf(String fileName) {
        String base = fileName.replaceAll(".*/", "").replaceFirst("\\.[^.]*$", "");
        return NAME.matcher(base).matches() ? base : null;
    }

    private static void feed(Translation t, List<ShellCommand> commands) {
        for (int i = 0; i < commands.size(); i++) {
            ShellCommand c = commands.get(i);
            if (c.piped() && i + 1 < commands.size() && commands.get(i + 1).program().equals("tee")
                    && commands.get(i + 1).words().size() >= 2) {
                ShellCommand tee = commands.get(++i);
                String file = tee.words().get(tee.words().size() - 1);
                c = new ShellCommand(c.line(), c.text() + " | " + tee.text(), c.words(), file, false, c.prompt());
            }
            t.runTyped(c);
        }
    }

    /** Whether a console line is a shell command of the kinds import reads, rather than lab language. */
    public static boolean looksLikeShell(String line) {
        String s = ShellLines.withoutPrompt(line.strip());
        if (s.isEmpty()) return false;
        List<ShellCommand> commands = ShellLines.read(s);
        if (commands.isEmpty()) return false;
        ShellCommand first = commands.get(0);
        if (first.words().size() < 2 && first.redirect() == null) return false;
        // lab words that share a name with a command (ip, route, sysctl, bridge) take a quoted or bracketed argument
        String[] raw = first.text().split("\\s+");
        String next = raw.length > 1 ? raw[1] : "";
        boolean labCall = next.startsWith("'") || next.startsWith("\"") || next.startsWith("(") || next.startsWith("{");
        return !labCall && ShellLines.KNOWN.contains(first.program()) && !first.program().equals("ping");
    }

    /**
     * Import one line at a time, as the console does: each line gives the lab entries it adds. A
     * veth whose ends may still move waits (nothing is added) until a command places or configures it.
     */
    public static final class Session {
        private final Translation t = new Translation();
        private final Set<String> added = new LinkedHashSet<>();

        /** What one pasted line added: lab entries to handle as typed, and commands left out. */
        public record Step(int commands, List<String> entries, List<ImportModel.Note> untranslated,
                           List<ImportModel.Note> skipped, boolean waiting) {}

        /** Whether any pasted line has given an entry yet. */
        public boolean addedAny() {
            return !added.isEmpty();
        }

        public Step paste(String line) {
            int untranslated = t.model.untranslated.size();
            int skipped = t.model.skipped.size();
            List<ShellCommand> commands = ShellLines.read(line);
            feed(t, commands);
            List<String> entries = new ArrayList<>();
            for (String e : ConsoleEntries.of(LabLines.of(t.model, true))) {
                if (added.add(e)) entries.add(e);
            }
            boolean waiting = t.model.devices.stream().anyMatch(d -> !d.settled);
            return new Step(commands.size(), entries, List.copyOf(t.model.untranslated.subList(untranslated, t.model.untranslated.size())),
                    List.copyOf(t.model.skipped.subList(skipped, t.model.skipped.size())), waiting);
        }
    }
}
