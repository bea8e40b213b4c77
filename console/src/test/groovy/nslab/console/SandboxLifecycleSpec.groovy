package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * A lab's life in the console, not in live mode at first: built up, applied, checked, captured on,
 * destroyed. As in SandboxConsoleSpec, the console runs in a child process inside a private user +
 * network + mount namespace, so nothing touches the machine's own network.
 */
@Timeout(150)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxLifecycleSpec extends Specification {
    SandboxedConsole console
    ConsoleScreen screen

    def setup() {
        console = SandboxedConsole.start([], 'nslab> ')
        screen = console.screen
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line, String prompt = 'nslab> ') {
        console.enter(line, prompt)
    }

    def "lines wait for apply; apply builds them, checks the expectations and turns live mode on"() {
        when:
        String typed = enter("namespace 'a'") + enter("namespace 'b'") +
                enter("link 'a', 'b', ips: ['10.0.0.1/24', '10.0.0.2/24']") +
                enter("expect { reach 'a' to 'b'; unreachable 'a' to '10.9.9.9' }")

        then: 'nothing was run yet'
        !typed.contains('ip netns add')

        when:
        String applied = enter('apply', 'nslab live> ')

        then:
        applied.contains('+ ip netns add a')
        applied.contains('lab console applied: ')
        applied =~ /(?m)^a\s+b \(10\.0\.0\.2\)\s+reachable\s+reachable\s+ok$/
        applied =~ /(?m)^a\s+10\.9\.9\.9\s+unreachable\s+unreachable\s+ok$/
        applied.contains('all 2 expectations hold')

        when: 'apply again: nothing to change'
        String again = enter('apply', 'nslab live> ')

        then:
        again.contains('lab console is up to date: nothing changed')

        when:
        String status = enter('status', 'nslab live> ')

        then:
        status =~ /10\.0\.0\.1\/24/
        status =~ /10\.0\.0\.2\/24/
    }

    def "destroy removes the lab and live mode goes off (the plain prompt returns)"() {
        given:
        enter("namespace 'a'"); enter("namespace 'b'")
        enter("link 'a', 'b', ips: ['10.0.0.1/24', '10.0.0.2/24']")
        enter('apply', 'nslab live> ')

        when:
        String destroyed = enter('destroy')
        String live = enter('exec host ip netns list')
        String typed = enter("namespace 'c'")

        then:
        destroyed.contains('- ip netns del a')
        destroyed.contains('- ip netns del b')
        destroyed.contains('lab console destroyed: 2 namespaces')
        !(live =~ /(?m)^a\b/)
        !(live =~ /(?m)^b\b/)
        !typed.contains('ip netns add c')
    }

    def "capture in a sandbox that maps only root says why tcpdump cannot run there"() {
        given:
        enter("namespace 'a'")
        enter('apply', 'nslab live> ')

        when:
        String shown = enter('capture a lo -c 1', 'nslab live> ')

        then:
        shown.contains('capture: tcpdump cannot run in this sandbox')
    }
}
