package nslab.exec

import java.nio.file.Files
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/** The one way nslab starts a process, with each way of starting it, and signals through kill(2). */
class ProcessLauncherSpec extends Specification {

    def "a captured program gets its input and environment, and hands back its output and status"() {
        when:
        def r = ProcessLauncher.of(['sh', '-c', 'read line; echo "$line $GREETING"; echo oops >&2; exit 3'])
                .input('hello\n').environment('GREETING', 'world').capture()

        then:
        r.exit() == 3
        r.outText() == 'hello world\n'
        r.errText() == 'oops\n'
        r.failure() == null
        r.argv() == ['sh', '-c', 'read line; echo "$line $GREETING"; echo oops >&2; exit 3']
    }

    def "a program that does not end in time is killed and marked timed out, as a shell would"() {
        when:
        def started = System.nanoTime()
        def r = ProcessLauncher.of(['sleep', '30']).timeout(1).capture()

        then:
        r.exit() == ProcessLauncher.TIMED_OUT
        r.failure() == 'timed out after 1s'
        (System.nanoTime() - started) / 1e9 < 10
    }

    def "a program that is not installed is marked not found, with why"() {
        when:
        def r = ProcessLauncher.of(['nslab-no-such-program']).capture()

        then:
        r.exit() == ProcessLauncher.NOT_FOUND
        r.failure().contains('nslab-no-such-program')
    }

    def "a streamed program's output is handed on line by line as it comes, empty lines included"() {
        given:
        def lines = []

        when:
        def running = ProcessLauncher.of(['printf', output]).streamLines { lines << it }
        def status = running.waitFor()

        then:
        status == 0
        lines == expected

        where:
        output                      | expected
        'one\ntwo\n'                | ['one', 'two']
        'reply\n\n--- statistics\n' | ['reply', '', '--- statistics']
        'a\r\n\r\nb\r\n'            | ['a', '', 'b']
        'no newline at the end'     | ['no newline at the end']
    }

    def "SIGINT reaches a streamed program through kill(2), and it ends as it chooses to"() {
        given:
        def lines = Collections.synchronizedList([])
        def running = ProcessLauncher.of(['sh', '-c', 'trap "echo got INT; exit 7" INT; echo ready; while :; do sleep 0.05; done'])
                .streamLines { lines << it }
        new PollingConditions(timeout: 10).eventually { assert lines.contains('ready') }

        when:
        running.signal(Signals.SIGINT)

        then:
        running.waitFor() == 7
        lines == ['ready', 'got INT']
    }

    def "stop ends a program that ignores SIGINT, with SIGTERM"() {
        given:
        def lines = Collections.synchronizedList([])
        def running = ProcessLauncher.of(['sh', '-c', 'trap "" INT; trap "echo got TERM; exit 5" TERM; echo ready; while :; do sleep 0.05; done'])
                .streamLines { lines << it }
        new PollingConditions(timeout: 10).eventually { assert lines.contains('ready') }

        when:
        running.stop(1)

        then:
        running.waitFor() == 5
        lines.first() == 'ready'
        lines.last() == 'got TERM' // after the shell's word on its sleep, which got SIGTERM too
    }

    def "a signal to a process that has ended is refused, not sent elsewhere"() {
        given:
        def running = ProcessLauncher.of(['true']).streamLines { }
        running.waitFor()

        expect:
        !Signals.send(running.pid(), 0)
    }

    def "a detached program goes on by itself, reading nothing, its output appended to the log"() {
        given:
        def log = Files.createTempFile('nslab-launcher', '.log')
        Files.writeString(log, 'before\n')

        when:
        long pid = ProcessLauncher.of(['sh', '-c', 'cat; echo after; echo to-err >&2']).detached(log)
        new PollingConditions(timeout: 10).eventually { assert !ProcessHandle.of(pid).map { it.alive }.orElse(false) }

        then:
        pid > 0
        Files.readString(log) == 'before\nafter\nto-err\n'

        cleanup:
        Files.deleteIfExists(log)
    }

    def "a background program runs until it is stopped"() {
        when:
        def running = ProcessLauncher.of(['sleep', '30']).inBackground()

        then:
        ProcessHandle.of(running.pid()).map { it.alive }.orElse(false)

        when:
        running.stop(1)

        then:
        running.waitFor(5)
    }
}
