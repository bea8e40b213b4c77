package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * A generated lab grows line by line in a live console: a cable typed after {@code routes 'auto'}
 * gets its pool addresses and shortens the worked-out paths, the routes it replaces are taken out,
 * and the kernel follows (a real ping); inside a private user + network + mount namespace.
 */
@Timeout(150)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxGrowingLabSpec extends Specification {
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
        enter("addresses '10.0.0.0/16'")
        enter("linear 'r', 4")
        enter("routes 'auto'")
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line) {
        console.enter(line, 'nslab live> ', 30000)
    }

    def "linking the ends of a line makes a ring: r1 reaches the r3-r4 cable through r4 now, not through r2"() {
        when:
        String before = enter('r1 ip route')
        String ring = enter("link 'r4', 'r1'")
        String after = enter('r1 ip route')
        String ping = enter('r1 ping -c1 -W2 10.0.0.10')

        then: 'before, the r3-r4 cable (10.0.0.8/30) is reached through r2'
        before.contains('10.0.0.8/30 via 10.0.0.2 dev r2')

        and: 'the new cable gets the next /30, the old route goes, the shorter one comes'
        ring.contains('ip -n r1 addr add 10.0.0.13/30 dev r4')
        ring.contains('- ip -n r1 route del 10.0.0.8/30 via 10.0.0.2')
        ring.contains('+ ip -n r1 route add 10.0.0.8/30 via 10.0.0.14')
        after.contains('10.0.0.8/30 via 10.0.0.14 dev r4')
        !after.contains('10.0.0.8/30 via 10.0.0.2')

        and: 'the kernel agrees'
        ping.contains('1 received')
    }
}
