package nslab.console

import nslab.kernel.Sandbox

import java.util.concurrent.TimeUnit

/**
 * The console in a child process inside a private user + network + mount namespace with its own
 * /run (a JVM cannot enter one itself), so specs can apply labs without touching the machine's
 * network. Specs type into its stdin and read what it prints through {@link #screen}.
 */
class SandboxedConsole implements Closeable {
    private static final String JAVA = System.getProperty('java.home') + '/bin/java'
    /** In the new namespaces: {@link Sandbox#PRIVATE}, then java with the given main class. */
    private static final String START_JAVA =
            Sandbox.PRIVATE + 'exec "$0" -cp "$NSLAB_CP" "$@"'
    private static final String CONSOLE_DRIVER = 'nslab.console.PipedConsoleDriver'

    final Process child
    final ConsoleScreen screen

    private SandboxedConsole(Process child) {
        this.child = child
        this.screen = new ConsoleScreen(child.outputStream)
        screen.follow(child.inputStream)
    }

    /** A sandbox whose user namespace maps only root, as `./nslab --sandbox` makes it. */
    static SandboxedConsole start(List<String> consoleArgs, String prompt) {
        def console = new SandboxedConsole(launch(['--map-root-user'], START_JAVA, [CONSOLE_DRIVER, *consoleArgs]))
        console.screen.waitFor(prompt, 60000)
        console
    }

    /** Runs a driver's main in a sandbox that maps only root, to its end: its exit status and what it printed. */
    static Map runMain(String mainClass, List<String> args, long timeoutSeconds = 180) {
        Process p = launch(['--map-root-user'], START_JAVA, [mainClass, *args])
        p.outputStream.close()
        def out = new StringBuilder()
        Thread readOut = p.consumeProcessOutputStream(out), readErr = p.consumeProcessErrorStream(out)
        assert p.waitFor(timeoutSeconds, TimeUnit.SECONDS)
        readOut.join(); readErr.join() // (a second reader, waitForProcessOutput, closed the streams under these)
        [exit: p.exitValue(), out: out.toString()]
    }

    private static Process launch(List<String> userOptions, String script, List<String> javaArgs) {
        def command = ['unshare', '--user', *userOptions, '--net', '--mount', '--propagation', 'private',
                       'sh', '-c', script, JAVA, *javaArgs]
        def pb = new ProcessBuilder(command)
        pb.environment().put('NSLAB_CP', System.getProperty('java.class.path'))
        pb.redirectErrorStream(true)
        pb.start()
    }

    /** Types a line and returns what the console showed until the prompt came back. */
    String enter(String line, String prompt, long timeout = 30000) {
        screen.line(line)
        screen.waitFor(prompt, timeout)
    }

    /** End of input: the console leaves, and with it the sandbox. */
    @Override
    void close() {
        child.outputStream.close()
        if (!child.waitFor(10, TimeUnit.SECONDS)) child.destroyForcibly()
    }
}
