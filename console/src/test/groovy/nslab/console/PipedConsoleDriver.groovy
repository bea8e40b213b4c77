package nslab.console

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import org.jline.terminal.Size
import org.jline.terminal.TerminalBuilder

/**
 * Runs the console on this process's stdin and stdout as a terminal (no TTY needed), so a spec
 * can start it in a child process inside a private user + network namespace and type into it.
 * Arguments: "--live" to start in live mode.
 */
class PipedConsoleDriver {
    static void main(String[] args) {
        def terminal = TerminalBuilder.builder().system(false).streams(System.in, System.out)
                .type('xterm').size(new Size(160, 50)).encoding(StandardCharsets.UTF_8).build()
        def history = Files.createTempFile('nslab-history', '')
        def options = new ConsoleOptions(true, args.contains('--live'), false, null, history, false)
        int status = new Console(terminal, options, null).run()
        terminal.close()
        System.exit(status)
    }
}
