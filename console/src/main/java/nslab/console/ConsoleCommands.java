package nslab.console;

import java.io.PrintWriter;
import nslab.command.ExitCodes;
import nslab.command.Verbs;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The console's commands as one picocli command tree: its own (help, load, exec, ...) and the
 * verbs it shares with the command line ({@link Verbs}), whose lab is the session's. picocli-shell-jline3
 * hands the tree to JLine's SystemRegistry, which gives completion of names and options and the
 * help under the prompt.
 */
@Command(name = "", description = "nslab console commands")
final class ConsoleCommands {

    /**
     * The tree's root has no name (the console's commands stand alone), which leaves a blank where
     * picocli would put it: "Usage:  exec" becomes "Usage: exec", colour codes or not.
     */
    static String tidy(String usage) {
        return usage.replaceFirst("(Usage: (?:\u001B\\[[0-9;]*m)*) ", "$1").replaceFirst("^(\\s*(?:\u001B\\[[0-9;]*m)*) ", "$1");
    }

    static CommandLine commandLine(ConsoleContext ctx) {
        CommandLine cl = new CommandLine(new ConsoleCommands(), new SessionLab(ctx).factory());
        cl.addSubcommand(new HelpCommand(ctx));
        cl.addSubcommand(new LoadCommand(ctx));
        cl.addSubcommand(new ExecCommand(ctx));
        cl.addSubcommand(new ShellCommand(ctx));
        cl.addSubcommand(new PingCommand(ctx));
        cl.addSubcommand(new PingallCommand(ctx));
        cl.addSubcommand(new CaptureCommand(ctx));
        cl.addSubcommand(new ResetCommand(ctx));
        cl.addSubcommand(new SaveCommand(ctx));
        cl.addSubcommand(new EntryCommands.Entries(ctx));
        cl.addSubcommand(new EntryCommands.Undo(ctx));
        cl.addSubcommand(new EntryCommands.Edit(ctx));
        cl.addSubcommand(new MininetCommands.Nodes(ctx));
        cl.addSubcommand(new MininetCommands.Links(ctx));
        cl.addSubcommand(new MininetCommands.Dump(ctx));
        cl.addSubcommand(new MininetCommands.Link(ctx));
        cl.addSubcommand(new MininetCommands.Iperf(ctx));
        cl.addSubcommand(nslab.web.WebCommand.inBackground(() -> {
            nslab.LabCompiler.Compiled lab = ctx.session.compiled();
            if (lab == null) throw new nslab.command.Precondition.NoValidLab(ConsoleSession.NO_LAB_YET);
            return lab;
        }));
        Verbs.install(cl, ctx.options.settings());
        // what follows the namespace is the user's command, options and all
        cl.getSubcommands().get("exec").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        PrintWriter out = ctx.out;
        cl.setOut(out);
        cl.setErr(out);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            out.println(c.getCommandName() + ": " + ex.getMessage() + " (usage: "
                    + ConsoleCommands.tidy(c.getHelp().synopsis(0)).replaceAll("\u001B\\[[0-9;]*m", "").strip()
                    + "; help " + c.getCommandName() + " for more)");
            out.flush();
            return ExitCodes.USAGE;
        });
        return cl;
    }
}
