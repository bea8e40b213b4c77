package nslab.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import nslab.check.Suggestions;
import nslab.command.ExitCodes;
import nslab.lang.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "help", description = "List console commands and lab words; help WORD explains one with an example.")
final class HelpCommand implements Callable<Integer> {
    private final ConsoleContext ctx;
    @Spec CommandSpec spec;
    @Parameters(arity = "0..1", paramLabel = "WORD", description = "a console command or a word of the lab language") String word;

    HelpCommand(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Map<String, CommandLine> commands = spec.parent().subcommands();
        if (word == null) {
            overview(commands);
            return ExitCodes.OK;
        }
        var labWord = Words.find(word);
        if (labWord.isPresent()) {
            Words.Word w = labWord.get();
            ctx.out.println(w.name() + ": " + w.meaning());
            ctx.out.println("  example: " + w.example());
            ctx.out.println("  written: " + w.where() + (w.block() ? ", with a { } block" : ""));
            if (!w.keys().isEmpty()) {
                ctx.out.println("  takes:   " + String.join(", ", w.keys().stream().map(k -> k + ":").toList()));
            }
        } else if (commands.containsKey(word)) {
            // the console's command tree has no name of its own, which would leave a gap after "Usage:"
            ctx.out.print(ConsoleCommands.tidy(commands.get(word).getUsageMessage()));
        } else if (word.equals("history") || word.equals("exit")) {
            ctx.out.println(word.equals("exit") ? "exit: leave the console (Ctrl-D too)" : "history: the lines typed before, across sessions");
        } else {
            List<String> all = new ArrayList<>(commands.keySet());
            all.addAll(Words.names());
            String hint = Suggestions.didYouMean(word, all);
            ctx.out.println("help: no console command or lab word '" + word + "'" + (hint == null ? "" : "; " + hint));
            ctx.out.flush();
            return ExitCodes.USAGE;
        }
        ctx.out.flush();
        return ExitCodes.OK;
    }

    private void overview(Map<String, CommandLine> commands) {
        ctx.out.println("Console commands (help COMMAND for more):");
        for (Map.Entry<String, CommandLine> e : commands.entrySet()) {
            String[] d = e.getValue().getCommandSpec().usageMessage().description();
            ctx.out.println(String.format("  %-9s %s", e.getKey(), d.length > 0 ? d[0] : ""));
        }
        ctx.out.println(String.format("  %-9s %s", "NS CMD..", "same as exec NS CMD... (host CMD.. in the machine's own namespace)"));
        ctx.out.println(String.format("  %-9s %s", "history", "the lines typed before, across sessions"));
        ctx.out.println(String.format("  %-9s %s", "exit", "leave (Ctrl-D too)"));
        ctx.out.println("Any other line is lab language (help WORD explains one):");
        for (Words.Context c : Words.Context.values()) {
            ctx.out.println("  " + where(c) + ":");
            ctx.out.println("    " + String.join(" ", Words.names(c)));
        }
    }

    private static String where(Words.Context c) {
        switch (c) {
            case TOP: return "at the top level";
            case NAMESPACE: return "inside a namespace or host block";
            case EXPECT: return "inside an expect block";
            default: return "after another word";
        }
    }
}
