package nslab.web

import nslab.cli.LauncherCopy
import spock.util.concurrent.PollingConditions

import java.util.concurrent.TimeUnit

/**
 * {@code ./nslab --sandbox web LAB.groovy} as a user starts it, run from the test's class path
 * (NSLAB_CLASSPATH): the launcher applies the lab in a sandbox and relays the printed address from
 * outside it. {@link #inSandbox} runs a command in the sandbox's namespaces; {@link #close} ends
 * the JVM in the sandbox as Ctrl-C does, and the sandbox, its relay and the relay's folder with it.
 */
class SandboxedWeb implements Closeable {
    final Process launcher
    final StringBuffer printed = new StringBuffer()
    final String address
    final String relayDir

    SandboxedWeb(File lab) {
        def pb = new ProcessBuilder('sh', LauncherCopy.launcher().path, '--sandbox', 'web', lab.path)
        pb.environment().remove('NSLAB_IN_SANDBOX')
        pb.environment().put('NSLAB_CLASSPATH', System.getProperty('java.class.path'))
        pb.redirectErrorStream(true)
        launcher = pb.start()
        launcher.outputStream.close()
        Thread.startDaemon { launcher.inputStream.eachLine { printed.append(it).append('\n') } }
        new PollingConditions(timeout: 120, delay: 0.2).eventually {
            assert launcher.alive, printed.toString()
            assert printed =~ ADDRESS
            assert relay().present
        }
        address = (printed =~ ADDRESS)[0]
        relayDir = arguments(relay().get()).find { it.contains('nslab-web.') }
    }

    static final def ADDRESS = /http:\/\/127\.0\.0\.1:\d+\/\?token=\w+/

    /** The launcher's relay outside the sandbox. */
    Optional<ProcessHandle> relay() {
        launcher.descendants().filter { arguments(it).contains('nslab.web.SandboxRelay') }.findFirst()
    }

    /** nslab's JVM in the sandbox. */
    Optional<ProcessHandle> nslab() {
        launcher.descendants().filter { arguments(it).contains('nslab.cli.Main') }.findFirst()
    }

    /** A command in the sandbox's namespaces (nsenter into its JVM's user, network and mount namespaces): exit, out, err. */
    Map inSandbox(List<String> argv) {
        LauncherCopy.run(['nsenter', '-t', nslab().get().pid().toString(), '-U', '-n', '-m', '--preserve-credentials', *argv], [:], null)
    }

    /** Ends the JVM in the sandbox (SIGTERM, as Ctrl-C) and waits for the launcher; its exit status. */
    int end() {
        nslab().ifPresent { it.destroy() }
        assert launcher.waitFor(30, TimeUnit.SECONDS)
        launcher.exitValue()
    }

    @Override
    void close() {
        if (launcher.alive) end()
    }

    /** A process's arguments, read whole (ProcessHandle.Info cuts a long class path short). */
    private static List<String> arguments(ProcessHandle p) {
        try {
            new File("/proc/${p.pid()}/cmdline").getText('UTF-8').split('\u0000') as List
        } catch (IOException gone) {
            []
        }
    }
}
