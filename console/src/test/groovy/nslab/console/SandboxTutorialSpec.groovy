package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * A learner typing a tutorial as it is written, in a live console inside a private user + network +
 * mount namespace: blocks that name what a later block declares wait and join, and a namespace
 * named like a lab word still takes commands.
 */
@Timeout(120)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxTutorialSpec extends Specification {
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line) {
        console.enter(line, 'nslab live> ', 30000)
    }

    def "tutorial 003 typed in its own order: entries wait for the gateway, join when it is typed, and client reaches server"() {
        when: 'server names the gateway namespace before it exists'
        String server = enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1/24'; gateway '192.168.100.254' }")

        then: 'it waits, saying for what, and nothing is applied'
        server.contains("<console>:1 waits for namespace 'gateway'")
        !server.contains('ip netns add')

        when:
        String client = enter("namespace 'client' { veth 'cli-veth' peer 'gateway', name: 'cligw-veth'; ip '10.0.100.1/24'; gateway '10.0.100.254' }")
        String status = enter('status')

        then: 'status says which entries still wait'
        client.contains("<console>:2 waits for namespace 'gateway'")
        status.contains("not in the lab yet: <console>:1 waits for namespace 'gateway'")
        status.contains("not in the lab yet: <console>:2 waits for namespace 'gateway'")

        when: 'the gateway is typed over several lines'
        console.screen.line("namespace 'gateway' {")
        console.screen.line('forward true')
        console.screen.line("dev 'svrgw-veth' { ip '192.168.100.254/24' }")
        console.screen.line("dev 'cligw-veth' { ip '10.0.100.254/24' }")
        String gateway = enter('}')

        then: 'the waiting entries join and everything is applied'
        gateway.contains('ip netns add server')
        gateway.contains('ip netns add gateway')
        gateway.contains('<console>:1 joined the lab')
        gateway.contains('<console>:2 joined the lab')

        when:
        String ping = enter('client ping -c1 server')
        String after = enter('status')

        then:
        ping.contains('1 received')
        !after.contains('not in the lab yet')

        when: 'a program in the namespace resolves the names itself (no substitution inside a quoted command)'
        String names = enter("client sh -c 'getent hosts server gateway'")

        then: 'from /etc/netns/client/hosts: the gateway by its address on the client side'
        names =~ /192\.168\.100\.1\s+server/
        names =~ /10\.0\.100\.254\s+gateway/
    }

    def "a name close to one that exists is a typo, not an entry that waits"() {
        given:
        enter("namespace 'server'")

        when:
        String typo = enter("namespace 'c' { veth 'v0' peer 'servr', name: 'p0' }")

        then:
        typo.contains("did you mean 'server'?")
        !typo.contains('waits for')
    }

    def "NS CMD runs in a namespace named like a lab word, and host CMD in the machine's own"() {
        given: 'tutorial 001: the switch lives in a namespace called bridge'
        enter("namespace 'bridge' { bridge 'br' }")

        when:
        String inBridge = enter('bridge ip -br link')
        String onHost = enter('host ip -br link')

        then:
        inBridge =~ /(?m)^br\s/
        onHost =~ /(?m)^lo\s/
        !(onHost =~ /(?m)^br\s/)
    }
}
