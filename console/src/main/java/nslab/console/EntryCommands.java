package nslab.console;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import nslab.command.ExitCodes;
import nslab.lang.LabLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Taking entries back: {@code entries} lists what the session's lab was made of, numbered by the
 * console line each began at; {@code undo} takes one out, {@code edit} puts one on the prompt to be
 * changed. In live mode the kernel follows, through an apply of the lab without (or with the new)
 * entry, which the engine journals as any apply.
 */
final class EntryCommands {
    private EntryCommands() {}

    @Command(name = "entries", description = "The entries of the session's lab as typed, numbered by their console line (undo N, edit N).")
    static final class Entries implements Callable<Integer> {
        private final ConsoleContext ctx;

        Entries(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            List<LabLoader.Chunk> all = ctx.session.entries();
            if (all.isEmpty()) {
                ctx.out.println("entries: none yet (type lab language, paste shell commands, or load FILE)");
            }
            for (LabLoader.Chunk c : all) {
                if (!ConsoleSession.CONSOLE_FILE.equals(c.file())) {
                    ctx.out.println(String.format("%5s  // loaded from %s (undo %s takes it back)", "", c.file(), c.file()));
                    continue;
                }
                String[] lines = c.text().strip().split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String number = i == 0 ? String.valueOf(c.firstLine()) : "";
                    ctx.out.println(String.format("%5s  %s", number, lines[i].stripTrailing()));
                }
                ctx.session.waiting().stream().filter(w -> w.chunk().equals(c)).findFirst()
                        .ifPresent(w -> ctx.out.println(String.format("%5s  // waits for %s", "", String.join(", ", w.waitsFor()))));
            }
            ctx.out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "undo", description = "Take an entry back (the last one, or N as entries numbers it, or a loaded FILE); applied at once in live mode.")
    static final class Undo implements Callable<Integer> {
        private final ConsoleContext ctx;
        @Parameters(arity = "0..1", paramLabel = "N", description = "the entry's number (entries lists them), or a loaded file; the last entry when left out") String which;

        Undo(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Optional<LabLoader.Chunk> entry = find(ctx, "undo", which);
            if (entry.isEmpty()) return ExitCodes.USAGE;
            return ctx.labLines.undo(entry.get(), ctx.out) ? ExitCodes.OK : ExitCodes.INVALID_LAB;
        }
    }

    @Command(name = "edit", description = "Put entry N on the prompt to change it; Enter replaces the entry with what the prompt holds.")
    static final class Edit implements Callable<Integer> {
        private final ConsoleContext ctx;
        @Parameters(arity = "0..1", paramLabel = "N", description = "the entry's number (entries lists them); the last entry when left out") String which;

        Edit(ConsoleContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Optional<LabLoader.Chunk> entry = find(ctx, "edit", which);
            if (entry.isEmpty()) return ExitCodes.USAGE;
            if (!ConsoleSession.CONSOLE_FILE.equals(entry.get().file())) {
                ctx.out.println("edit: " + entry.get().file() + " is a file: change it in an editor and load it again (which replaces it)");
                ctx.out.flush();
                return ExitCodes.USAGE;
            }
            ctx.startEditing(entry.get());
            ctx.out.println("edit " + LabLineHandler.where(entry.get()) + ": change it and press Enter to replace it"
                    + " (a command instead, or an empty line, leaves it as it is)");
            ctx.out.flush();
            return ExitCodes.OK;
        }
    }

    /** The entry a command names (a console line number, a loaded file, or none: the last one), or empty after saying why. */
    static Optional<LabLoader.Chunk> find(ConsoleContext ctx, String command, String which) {
        List<LabLoader.Chunk> all = ctx.session.entries();
        Optional<LabLoader.Chunk> found;
        if (which == null) {
            // the last typed entry; with none typed, the file loaded last
            found = all.stream().filter(c -> ConsoleSession.CONSOLE_FILE.equals(c.file()))
                    .max(java.util.Comparator.comparingInt(LabLoader.Chunk::firstLine))
                    .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
        } else if (which.matches("\\d+")) {
            found = ctx.session.entryAt(Integer.parseInt(which));
        } else {
            found = all.stream().filter(c -> c.file().equals(which)).findFirst();
        }
        if (found.isEmpty()) {
            ctx.out.println(command + ": " + (all.isEmpty() ? "the session has no entries yet"
                    : "no entry " + (which == null ? "" : which) + " (entries lists them, each with its number)"));
            ctx.out.flush();
        }
        return found;
    }
}
