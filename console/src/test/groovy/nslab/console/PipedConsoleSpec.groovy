package nslab.console

import java.nio.file.Files
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The console with its input from a pipe ({@code printf ... | nslab}), in a JVM of its own so that
 * JLine picks the dumb system terminal it picks for a user: the end of the input ends the session.
 */
class PipedConsoleSpec extends Specification {
    @TempDir File dir

    def "the end of piped input leaves the console like exit does, #why"() {
        when:
        def r = console(input)

        then: 'it ends by itself, with the farewell and exit status 0'
        r.ended
        r.exit == 0
        r.out.contains('bye')

        and: 'each line was read once, and no prompt came after the end'
        r.out.count('nslab> ') == lines + 1

        where:
        why                              | input                    || lines
        'after a command'                | 'nodes\n'                || 1
        'after a command and a lab line' | "nodes\nnamespace 'a'\n" || 2
        'with nothing typed at all'      | ''                       || 0
    }

    private Map console(String input) {
        def java = ProcessHandle.current().info().command().orElse('java')
        def pb = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'), 'nslab.cli.Main', 'console')
        pb.directory(dir)
        pb.environment().putAll(NSLAB_HISTORY: new File(dir, 'history').path, NSLAB_CACHE_DIR: 'off')
        pb.redirectErrorStream(true)
        def p = pb.start()
        p.outputStream.withCloseable { it.write(input.getBytes('UTF-8')) }
        def out = new ByteArrayOutputStream()
        def pump = Thread.start { // the first 64 KiB: a console that never ends prints prompts forever
            byte[] buffer = new byte[8192]
            for (int n; (n = p.inputStream.read(buffer)) >= 0;) {
                if (out.size() < 65536) out.write(buffer, 0, n)
            }
        }
        boolean ended = p.waitFor(30, TimeUnit.SECONDS)
        if (!ended) p.destroyForcibly().waitFor()
        pump.join(5000)
        [ended: ended, exit: ended ? p.exitValue() : null, out: out.toString('UTF-8')]
    }
}
