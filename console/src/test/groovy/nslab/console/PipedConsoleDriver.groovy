package nslab.console

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import org.jline.terminal.Size
import org.jline.terminal.impl.ExternalTerminal

/**
 * Runs the console on this process's stdin and stdout as a terminal (no TTY needed), so a spec
 * can start it in a child process inside a private user + network namespace and type into it.
 * Arguments: "--live" to start in live mode.
 */
class PipedConsoleDriver {
    static void main(String[] args) {
        // ExternalTerminal runs JLine's own line discipline over the streams, so Ctrl-C typed into
        // stdin becomes SIGINT for the console's handler, as on a real terminal
        def terminal = new ExternalTerminal('nslab-test', 'xterm', System.in, System.out, StandardCharsets.UTF_8)
        terminal.setSize(new Size(160, 50))
        // in the sandbox's own /run (a tmpfs), which goes with the sandbox even when a spec kills it
        def history = Files.createTempFile(java.nio.file.Path.of('/run'), 'nslab-history', '')
        history.toFile().deleteOnExit()
        def options = new ConsoleOptions(nslab.command.Settings.fromEnvironment().inSandbox(true).withHistory(history), args.contains('--live'), null, false)
        int status = new Console(terminal, options, null).run()
        terminal.close()
        System.exit(status)
    }
}
