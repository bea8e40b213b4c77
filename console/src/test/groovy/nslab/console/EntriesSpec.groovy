package nslab.console

import nslab.LabCompiler
import spock.lang.Specification

/**
 * Every typed line is answered, and entries can be taken back or changed: the session's lab
 * without live mode (nothing is applied; SandboxEntriesSpec does the same on a kernel).
 */
class EntriesSpec extends Specification {
    def session = new ConsoleSession(new LabCompiler())
    def lines = new LabLineHandler(session, null, null)
    def shown = new StringWriter()
    def out = new PrintWriter(shown)

    /** Types a line and returns what the console answered to it. */
    String type(String text) {
        shown.buffer.length = 0
        lines.typed(text, out)
        shown.toString()
    }

    String said(Closure action) {
        shown.buffer.length = 0
        action()
        shown.toString()
    }

    def "each accepted line says what it added; one that waits says for what; a refused one says why"() {
        expect:
        type("namespace 'a'") == '<console>:1 added: 2 commands (plan shows them, apply runs them)\n'
        type("namespace 'b' { veth 'v0' peer 'gateway', name: 'v1'; ip '10.0.0.2/24' }") == "<console>:2 waits for namespace 'gateway' (kept: it joins the lab once that is typed)\n"
        type("namespace 'gateway'").readLines() == ['<console>:3 added: 10 commands (plan shows them, apply runs them)', '<console>:2 joined the lab']
        type("expect { unreachable 'a' to '10.0.0.2' }") == '<console>:4 added: 1 expectation (check runs it)\n'
        type('def n = 2') == '<console>:5 kept: it adds no command and no expectation (a name or value for later lines, or what the lab has already)\n'
        type("namespace 'a' { veht 'x' }").startsWith("<console>:6: error: unknown word 'veht'")
    }

    def "a line the lab has already says so, with the line it came from, and is not kept twice"() {
        given:
        type("namespace 'gateway'")
        type("namespace 'a' { veth 'v0' peer 'gateway', name: 'v1'; ip '10.0.0.1/24' }")
        type("namespace 'a' { route 'default' via '10.0.0.254' }")

        expect:
        type("namespace 'a' { route 'default' via '10.0.0.254' }") == '<console>:4 adds nothing new: already in the lab, <console>:3\n'
        session.entries().size() == 3

        and: 'also when it is still waiting'
        type("namespace 'z' { veth 'v' peer 'yonder', name: 'w' }").contains('waits for')
        type("namespace 'z' { veth 'v' peer 'yonder', name: 'w' }") == "<console>:6 adds nothing new: already typed, and <console>:5 waits for namespace 'yonder'\n"
    }

    def "a line that clashes with an entry offers to edit or take back that entry"() {
        given:
        type("namespace 'server' { tap 'eth0'; ip '192.168.100.1' }")

        when:
        String answer = type("namespace 'server' { dev 'eth0' { ip '192.168.100.1/24' } }")

        then:
        answer.startsWith('<console>:2: error: address 192.168.100.1 is given twice in server (first at line 1)')
        answer.contains('edit 1 changes that entry, undo 1 takes it back')
    }

    def "undo takes an entry back, and refuses (saying why) when other entries need it"() {
        given:
        type("namespace 'gateway'")
        type("namespace 'a' { veth 'v0' peer 'gateway', name: 'v1'; ip '10.0.0.1/24' }")
        type("namespace 'a' { route 'default' via '10.0.0.254' }")
        type("namespace 'other'")

        when: 'the address the route needs'
        String answer = said { lines.undo(session.entryAt(2).get(), out) }

        then:
        answer.startsWith('<console>:2 cannot be taken back alone')
        answer.contains('<console>:3: error: gateway 10.0.0.254 is on no subnet of a')
        answer.endsWith('<console>:2 stays in the lab\n')
        session.entries().size() == 4

        when:
        answer = said { lines.undo(session.entryAt(4).get(), out) }

        then:
        answer == '<console>:4 taken back: 2 commands fewer\n'
        session.namespaceNames() == ['gateway', 'a']
        !session.plan().steps().any { it.command().args().contains('other') }
    }

    def "edit replaces an entry in its place; new text the lab refuses leaves the entry as it was"() {
        given:
        type("namespace 'server' { tap 'eth0'; ip '192.168.100.1' }")
        type("namespace 'client'")

        when:
        String answer = said { lines.replace(session.entryAt(1).get(), "namespace 'server' { tap 'eth0'; ip '192.168.100.1/24' }", out) }

        then:
        answer == '<console>:3 replaces <console>:1: 1 command more, 1 command fewer\n'
        session.entries()*.text() == ["namespace 'server' { tap 'eth0'; ip '192.168.100.1/24' }", "namespace 'client'"]
        session.plan().steps().any { it.command().args().contains('192.168.100.1/24') }

        when:
        answer = said { lines.replace(session.entryAt(3).get(), "namespace 'server' { tap 'eth0'; ip 'nonsense' }", out) }

        then:
        answer.contains("error: 'nonsense' is not a valid address")
        answer.endsWith('<console>:3 is as it was\n')
        session.entryAt(3).isPresent()
    }
}
