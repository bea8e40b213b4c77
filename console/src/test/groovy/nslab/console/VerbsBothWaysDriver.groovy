package nslab.console

import groovy.json.JsonOutput
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import nslab.cli.Main
import org.jline.terminal.impl.DumbTerminal

/**
 * Runs each verb the command line and the console share, in the order of the steps below, once
 * through {@code nslab VERB LAB.groovy} and once through the console with LAB.groovy loaded, on
 * the kernel of the sandbox it is started in. Prints one line, {@code BOTH-WAYS: [...]}: each
 * step's exit status and printed text both ways. The command line runs with -v, since the
 * console always shows the commands it runs.
 */
class VerbsBothWaysDriver {
    /** Step name and verb: first with nothing live, then a lab's life, on the command line and then in the console. */
    static final Map<String, List<String>> NOT_LIVE = ['plan': ['plan'], 'explain': ['explain'], 'graph': ['graph'],
            'graph --format dot': ['graph', '--format', 'dot'], 'status': ['status'], 'check': ['check'], 'destroy': ['destroy']]
    static final Map<String, List<String>> LIFE = ['apply': ['apply'], 'apply again': ['apply'], 'status live': ['status'],
            'status --json': ['status', '--json'], 'check live': ['check'], 'destroy live': ['destroy']]

    static void main(String[] args) {
        Path lab = Path.of(args[0])
        def console = new ConsoleSide(lab)
        List<Map> steps = []
        NOT_LIVE.each { step, verb -> steps << [step: step, cli: cli(verb, lab), console: console.run(verb)] }
        Map cliLife = LIFE.collectEntries { step, verb -> [step, cli(verb, lab)] }
        LIFE.each { step, verb -> steps << [step: step, cli: cliLife[step], console: console.run(verb)] }
        println 'BOTH-WAYS: ' + JsonOutput.toJson(steps)
        System.exit(0)
    }

    static Map cli(List<String> verb, Path lab) {
        def text = new StringWriter()
        def cl = Main.commandLine()
        cl.out = new PrintWriter(text, true)
        cl.err = cl.out
        int exit = cl.execute(*(['-v'] + verb + [lab.toString()]))
        [exit: exit, out: text.toString()]
    }

    /** A console on a terminal whose screen is a buffer, with the lab loaded. */
    static class ConsoleSide {
        final ByteArrayOutputStream screen = new ByteArrayOutputStream()
        final ConsoleContext ctx
        final picocli.CommandLine commands

        ConsoleSide(Path lab) {
            def terminal = new DumbTerminal(new ByteArrayInputStream(new byte[0]), screen)
            ctx = new ConsoleContext(terminal, new ConsoleOptions(nslab.command.Settings.fromEnvironment().inSandbox(true), false, null, false), null)
            commands = ConsoleCommands.commandLine(ctx)
            assert LoadCommand.load(ctx, lab) == 0
        }

        Map run(List<String> verb) {
            ctx.out.flush()
            screen.reset()
            int exit = commands.execute(*verb)
            ctx.out.flush()
            [exit: exit, out: screen.toString(StandardCharsets.UTF_8)]
        }
    }
}
