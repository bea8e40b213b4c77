package nslab.console

import nslab.cli.Main
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Mininet's habits and keeping the work, in a live console inside a private user + network +
 * mount namespace: nodes, links, link A B down|up, iperf, mistyped commands, reset and save.
 */
@Timeout(150)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxMininetSpec extends Specification {
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
        enter("namespace 'a'")
        enter("namespace 'b' { veth 'v0' peer 'a', name: 'v1'; ip '10.0.0.2/24' }")
        enter("namespace 'a' { dev 'v1' { ip '10.0.0.1/24' } }")
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line) {
        console.enter(line, 'nslab live> ', 30000)
    }

    def "nodes and links list the lab; link A B down cuts the cable and up mends it"() {
        when:
        String nodes = enter('nodes')
        String links = enter('links')

        then:
        nodes.contains('host a b')
        links.contains('b:v0 <-> a:v1 (UP UP)')

        when:
        enter('link a b down')
        String cut = enter('a ping -c1 -W1 b')
        String down = enter('net')

        then:
        cut.contains('[exit ')
        !cut.contains('1 received')
        down.contains('b:v0 <-> a:v1 (DOWN DOWN)')

        when:
        enter('link a b up')
        Thread.sleep(500)
        String mended = enter('a ping -c1 -W2 b')

        then:
        mended.contains('1 received')
    }

    def "pingall includes host when the lab gives the host an address"() {
        given: 'a cable from the (sandbox\'s) host to a, and a route to a\'s other address'
        enter("host { veth 'h0' peer 'a', name: 'ha'; ip '10.0.9.1/24'; route '10.0.0.0/24' via '10.0.9.2' }")
        enter("namespace 'a' { dev 'ha' { ip '10.0.9.2/24' } }")

        when:
        String matrix = enter('pingall')

        then:
        matrix.contains('between 3 namespaces')
        matrix =~ /(?m)^host -> a\b/
        matrix =~ /(?m)^a -> host\b/
    }

    @IgnoreIf({ !new File('/usr/bin/iperf3').exists() })
    def "iperf A B prints the throughput and leaves no server running"() {
        when:
        String shown = enter('iperf a b')
        String left = enter('exec host sh -c "pgrep -x iperf3 || echo NONE-LEFT"')

        then:
        shown =~ /\d+(\.\d+)? Mbits\/sec/
        left.contains('NONE-LEFT')
    }

    def "a mistyped command gets the command meant, and points to help"() {
        expect:
        enter(typed).contains(shown)

        where:
        typed    || shown
        'pingal' || "pingal: no such command (did you mean 'pingall'? help lists commands and lab words)"
        'stauts' || "did you mean 'status'?"
        'dunp'   || "did you mean 'dump'?"
    }

    def "save writes a script that nslab apply builds the same in a fresh sandbox; reset empties the session"() {
        given:
        File saved = new File('target/saved-by-console.groovy').absoluteFile
        saved.delete()

        when:
        String said = enter("save ${saved}")
        String refused = enter('reset')
        String reset = console.enter('reset --destroy', 'nslab> ', 30000)
        String after = console.enter('nodes', 'nslab> ', 30000)

        then:
        said.contains("saved lab console to ${saved}")
        refused.contains('reset --destroy takes it down first')
        reset.contains('reset: the session is empty')
        after.contains('the session has no lab yet')

        when: 'the saved file applied in a fresh sandbox, then a ping across it'
        def run = SandboxedConsole.runMain(ApplyThenPing.name, [saved.path])

        then:
        run.exit == 0
        run.out.contains('1 received')

        cleanup:
        saved.delete()
    }

    /** In a fresh sandbox: nslab apply FILE, then ping from a to b with plain ping. */
    static class ApplyThenPing {
        static void main(String[] args) {
            int status = Main.run('apply', args[0])
            def ping = ['ip', 'netns', 'exec', 'a', 'ping', '-c1', '-W2', '10.0.0.2'].execute()
            print ping.text
            ping.waitFor()
            System.exit(status == 0 ? ping.exitValue() : status)
        }
    }
}
