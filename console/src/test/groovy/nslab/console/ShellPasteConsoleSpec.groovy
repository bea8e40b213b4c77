package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * A learner pastes a tutorial's shell commands into the live console, line by line: each becomes
 * the lab line it stands for, shown and applied at once, and a ping across the result gets its
 * replies. The console runs in a private user + network + mount namespace (SandboxedConsole).
 */
@Timeout(180)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class ShellPasteConsoleSpec extends Specification {
    static final String PROMPT = 'nslab live> '
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], PROMPT)
    }

    def cleanup() {
        console?.close()
    }

    String paste(String line) {
        console.enter(line, PROMPT, 60000)
    }

    def "seed 003's routed demo, pasted with its prompts and sudo, is built as it goes and routes client to server"() {
        when: 'the namespaces'
        def shown = ['$ sudo ip netns add server', '$ sudo ip netns add gateway', '$ sudo ip netns add client']
                .collect { paste(it) }.join('\n')

        then: 'each is shown as lab language and made at once'
        shown.contains("» namespace 'server'")
        shown.contains('ip netns add server')
        shown.contains('ip netns add client')

        when: 'a cable whose ends are still to move'
        shown = paste('$ ip link add svr-veth type veth peer name svrgw-veth')

        then: 'it waits'
        shown.contains('// waits')
        !shown.contains('»')

        when: 'its ends are moved, and the rest is pasted'
        shown = ['$ ip link set svr-veth netns server',
                 '$ ip link set svrgw-veth netns gateway',
                 '$ ip link add cli-veth type veth peer name cligw-veth',
                 '$ ip link set cligw-veth netns gateway',
                 '$ ip link set cli-veth netns client',
                 '# addresses the ifconfig way',
                 '$ ip netns exec server ifconfig svr-veth 192.168.100.1',
                 '$ ip netns exec gateway ifconfig svrgw-veth 192.168.100.254',
                 '$ ip netns exec gateway ifconfig cligw-veth 10.0.100.254',
                 '$ ip netns exec client ifconfig cli-veth 10.0.100.1',
                 '$ ip netns exec gateway sysctl net.ipv4.ip_forward=1',
                 '$ sudo ip netns exec client route add default gw 10.0.100.254',
                 '$ ip netns exec server route add default gw 192.168.100.254',
                 '$ ip netns exec client netstat -rn'].collect { paste(it) }.join('\n')

        then: 'the veth came as one line once both ends were placed, and ran'
        shown.contains("» namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth' }")
        shown.contains('ip link add name svr-veth netns server type veth peer name svrgw-veth netns gateway')

        and: 'ifconfig without a netmask gave a class A address its /8'
        shown.contains("» namespace 'client' { dev 'cli-veth' { ip '10.0.100.1/8' } }")
        shown.contains('ip -n client addr add 10.0.100.1/8 dev cli-veth')

        and: 'what only looks was skipped, the comment ignored, and nothing went wrong'
        shown.contains('// skipped: netstat -rn')
        !shown.contains('error')

        when: 'the client pings the server, through the gateway'
        def ping = paste('exec client ping -c 1 -W 2 192.168.100.1')

        then:
        ping.contains('1 received')

        and: 'plain ip in the sandbox shows the route route add made'
        paste('exec client ip route').contains('default via 10.0.100.254 dev cli-veth')
    }
}
