package nslab.console;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The console's commands as one picocli command tree. picocli-shell-jline3 hands it to JLine's
 * SystemRegistry, which gives completion of names and options and the help under the prompt.
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
        CommandLine cl = new CommandLine(new ConsoleCommands());
        cl.addSubcommand(new HelpCommand(ctx));
        cl.addSubcommand(new LoadCommand(ctx));
        cl.addSubcommand(new PlanCommand(ctx));
        cl.addSubcommand(new ExplainCommand(ctx));
        cl.addSubcommand(new GraphCommand(ctx));
        cl.addSubcommand(new ApplyCommand(ctx));
        cl.addSubcommand(new DestroyCommand(ctx));
        cl.addSubcommand(new CheckCommand(ctx));
        cl.addSubcommand(new StatusCommand(ctx));
        cl.addSubcommand(new ExecCommand(ctx));
        cl.addSubcommand(new ShellCommand(ctx));
        cl.addSubcommand(new PingCommand(ctx));
        cl.addSubcommand(new PingallCommand(ctx));
        cl.addSubcommand(new CaptureCommand(ctx));
        cl.addSubcommand(new nslab.cli.TraceCommand(ctx.session::lab, nslab.engine.Engine.onThisMachine(null)));
        // what follows the namespace is the user's command, options and all
        for (String name : new String[] {"exec"}) {
            cl.getSubcommands().get(name).setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        }
        PrintWriter out = ctx.out;
        cl.setOut(out);
        cl.setErr(out);
        cl.setExecutionExceptionHandler((ex, command, parsed) -> {
            out.println(command.getCommandName() + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            out.flush();
            return 1;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            out.println(c.getCommandName() + ": " + ex.getMessage() + " (usage: "
                    + ConsoleCommands.tidy(c.getHelp().synopsis(0)).replaceAll("\u001B\\[[0-9;]*m", "").strip()
                    + "; help " + c.getCommandName() + " for more)");
            out.flush();
            return 2;
        });
        return cl;
    }
}
