package nslab.console

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import nslab.engine.Engine
import nslab.engine.Journal
import nslab.engine.ProcessExecutor
import nslab.lang.Words
import org.jline.terminal.Size
import org.jline.terminal.impl.ExternalTerminal
import spock.lang.Specification
import spock.lang.Timeout

/**
 * The console driven through a JLine terminal on piped streams, asserting on what the user sees.
 * Nothing here applies a lab (live mode is off), so the machine's network is only read, never changed.
 */
@Timeout(60)
class ConsoleSpec extends Specification {
    ConsoleScreen screen
    Thread running
    def terminal
    def history = Files.createTempFile('nslab-history', '')

    def setup() {
        start(null)
    }

    /** A console on a fresh piped terminal; engine null means the real one (never asked to apply here). */
    void start(Engine engine) {
        def keys = new PipedInputStream(1 << 16)
        screen = new ConsoleScreen(new PipedOutputStream(keys))
        terminal = new ExternalTerminal('nslab-test', 'xterm', keys, screen.display(), StandardCharsets.UTF_8)
        terminal.setSize(new Size(120, 40))
        def console = new Console(terminal, new ConsoleOptions(nslab.command.Settings.fromEnvironment().inSandbox(false).withHistory(history), false, null, false), engine)
        running = Thread.start { console.run() }
        screen.waitFor('nslab> ')
    }

    void stop() {
        screen.type('\u0004') // Ctrl-D
        running.join(5000)
        terminal.close()
    }

    def cleanup() {
        stop()
        Files.deleteIfExists(history)
    }

    def "the space Tab adds gives way to a space or a comma typed right after it"() {
        given:
        enter("namespace 'gateway'")

        when: 'Tab completes namespace, then a space is typed; Tab completes the peer, then a comma'
        screen.type("names\t 'b' { veth 'v' peer 'gatew\t, name: 'w' }\r")
        screen.waitFor('nslab> ')
        String listed = enter('entries')

        then: 'one space before the name, none before the comma'
        listed.contains("namespace 'b' { veth 'v' peer 'gateway', name: 'w' }")
    }

    def "help lists the commands that take entries back"() {
        when:
        String shown = enter('help')

        then:
        shown =~ /(?m)^  entries\s+The entries of the session's lab/
        shown =~ /(?m)^  undo\s+Take an entry back/
        shown =~ /(?m)^  edit\s+Put entry N on the prompt/
    }

    def "history persists across sessions"() {
        given:
        enter("namespace 'remembered'")
        enter('plan')
        stop()

        when:
        start(null)
        String shown = enter('history')

        then:
        shown.contains("namespace 'remembered'")
        shown.contains('plan')
    }

    def "leaving without the sandbox while the lab is live says it stays up and how to remove it"() {
        given: 'an engine whose journals say the lab is live (nothing is applied here)'
        stop()
        def runDir = Files.createTempDirectory('nslab-run')
        Files.createFile(Journal.fileOf(runDir, 'console'))
        start(new Engine(new ProcessExecutor(), runDir, null))
        enter("namespace 'kept'")

        when:
        screen.line('exit')
        String shown = screen.waitFor('destroy in the console before exit)')

        then:
        shown.contains("lab 'console' stays up: namespaces kept.")
        shown.contains('To remove it: ./nslab destroy console')

        cleanup:
        runDir.toFile().deleteDir()
    }

    /** Types a line and waits for the prompt after it. */
    String enter(String line) {
        screen.line(line)
        screen.waitFor('nslab> ')
    }

    def "Tab after 'ex' offers the console commands that begin so"() {
        when:
        screen.type('ex\t')
        screen.waitFor('explain')

        then:
        screen.text().contains('exec')
        screen.text().contains('exit')
        !screen.recent().contains('status')
    }

    def "Tab after 'exec ' offers the lab's namespaces and host"() {
        given:
        enter("namespace 'beta'")
        enter("namespace 'alpha' { veth 'v0' peer 'beta' }")

        when:
        screen.type('exec \t')
        String offered = screen.waitFor('host')

        then:
        offered.contains('alpha')
        offered.contains('beta')
    }

    def "Tab after 'exec NS ip link set dev ' offers that namespace's interfaces"() {
        given:
        enter("namespace 'beta'")
        enter("namespace 'alpha' { veth 'v0' peer 'beta'; veth 'v1' peer 'beta', name: 'b1' }")

        when:
        screen.type('exec alpha ip link set dev \t')
        String offered = screen.waitFor('interfaces')
        Thread.sleep(300)

        then:
        screen.recent().contains('v0')
        screen.recent().contains('v1')
        !screen.recent().contains('b1') // b1 is beta's end
    }

    def "a namespace block typed over several lines is one entry"() {
        when:
        screen.line("namespace 'y'")
        screen.line("namespace 'x' {")
        screen.line("veth 'x0' peer 'y'")
        screen.line("ip '10.1.0.1/24'")
        screen.line("}")
        screen.line("plan")
        String shown = screen.waitFor('ip -n x addr add 10.1.0.1/24 dev x0')

        then: 'the continuation prompt showed while the brace was open'
        screen.text().contains('..>')
        and: 'the block became part of the lab, comments naming its console lines'
        shown.contains('ip netns add x')
        shown.contains("# <console>:3: veth 'x0' peer 'y'")
    }

    def "a bad line says what is wrong with the line it refers to, and the next good line is taken"() {
        when:
        screen.line("namespace 'bad' { veht 'v0' }")
        String error = screen.waitFor('nslab> ')
        screen.line("namespace 'good'")
        screen.line('plan')
        String plan = screen.waitFor('ip netns add good')

        then:
        error.contains("<console>:1: error: unknown word 'veht'")
        error.contains("did you mean 'veth'")
        error.contains("1 | namespace 'bad' { veht 'v0' }")
        !plan.contains('ip netns add bad')
    }

    def "help WORD explains a lab word with its example"() {
        when:
        screen.line("help $word")
        String shown = screen.waitFor('nslab> ')

        then:
        shown.contains(Words.find(word).get().meaning())
        shown.contains('example: ' + Words.find(word).get().example())

        where:
        word << ['veth', 'gateway', 'reach', 'link', 'netem']
    }

    def "help COMMAND shows the command's usage; an unknown word gets a suggestion"() {
        when:
        screen.line("help $word")
        String shown = screen.waitFor('nslab> ')

        then:
        shown.contains(expected)

        where:
        word      | expected
        'exec'    | 'Usage: exec NS CMD...'
        'capture' | 'Usage: capture [-c=N] NS IF [FILTER...]'
        'vteh'    | "did you mean 'veth'"
    }

    def "a command that needs a lab says how to get one, and the prompt returns"() {
        when:
        screen.line('plan')
        String shown = screen.waitFor('nslab> ')

        then:
        shown.contains('the session has no lab yet')
    }
}
