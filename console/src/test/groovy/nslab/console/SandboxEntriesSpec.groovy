package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Every line answered, entries taken back and changed, names for addresses only where an address
 * goes: in live mode, on a kernel, inside a private user + network + mount namespace
 * (SandboxedConsole), each result checked with plain ip and ping.
 */
@Timeout(180)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxEntriesSpec extends Specification {
    static final String PROMPT = 'nslab live> '
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], PROMPT)
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line) {
        console.enter(line, PROMPT, 60000)
    }

    def "tutorial 000's default route, refused until the gateway can be reached, is taken when pasted again, and undo takes it off the kernel"() {
        given: 'the tutorial as printed, up to its routes'
        ['sudo ip netns add nstest',
         'sudo ip link add veth-a type veth peer name veth-b',
         'sudo ip link set veth-b netns nstest',
         'sudo ip addr add 10.0.0.2 dev veth-a && sudo ip link set veth-a up',
         'sudo ip netns exec nstest ip addr add 10.0.0.3 dev veth-b && sudo ip netns exec nstest ip link set veth-b up'].each { enter(it) }

        when:
        String refused = enter('sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b')

        then:
        refused.contains('error: gateway 10.0.0.2 is on no subnet of nstest')
        refused.contains("route '10.0.0.2' dev 'veth-b'")

        when: 'the route the error asks for, then the same line again'
        enter('sudo route add -host 10.0.0.3 dev veth-a')
        String route = enter("namespace 'nstest' { route '10.0.0.2' dev 'veth-b' }")
        String again = enter('sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b')

        then: 'it is taken and applied'
        route.contains('ip -n nstest route add 10.0.0.2 dev veth-b')
        again.contains("» namespace 'nstest' { route 'default' via '10.0.0.2' dev 'veth-b' }")
        again.contains('ip -n nstest route add default via 10.0.0.2 dev veth-b')
        enter('exec nstest ip route').contains('default via 10.0.0.2 dev veth-b')

        when: 'pasted a third time'
        String third = enter('sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b')

        then: 'it says where the lab has it'
        third =~ /<console>:\d+ adds nothing new: already in the lab, <console>:8/

        when: 'the entries, and undo of the default route'
        String entries = enter('entries')
        String undone = enter('undo 8')

        then:
        entries =~ /(?m)^\s+8  namespace 'nstest' \{ route 'default' via '10.0.0.2' dev 'veth-b' }$/
        undone.contains('- ip -n nstest route del default via 10.0.0.2 dev veth-b')
        undone.contains('<console>:8 taken back: 1 command fewer')
        !enter('exec nstest ip route').contains('default')

        and: "the host pings nstest over the /32 routes (ping without a namespace, as the tutorial's, runs in host)"
        enter('ping -c 1 10.0.0.3').contains('1 received')
    }

    def "an address given again with its prefix offers edit; edit puts the entry on the prompt and Enter replaces it on the kernel"() {
        given:
        enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1' }")
        enter("namespace 'gateway' { dev 'svrgw-veth' { ip '192.168.100.254/24' } }")

        when:
        String clash = enter("namespace 'server' { dev 'svr-veth' { ip '192.168.100.1/24' } }")

        then:
        clash.contains('address 192.168.100.1 is given twice in server (first at line 1)')
        clash.contains('edit 1 changes that entry, undo 1 takes it back')

        when: 'edit 1, the /32 changed to /24 on the prompt (Ctrl-U clears it)'
        String offered = enter('edit 1') + console.screen.waitFor("ip '192.168.100.1' }")
        console.screen.type('\u0015')
        String replaced = enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1/24' }")

        then: "the entry's text was on the prompt, and the new text replaced it"
        offered.contains("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1' }")
        replaced.contains('- ip -n server addr del 192.168.100.1 dev svr-veth')
        replaced.contains('+ ip -n server addr add 192.168.100.1/24 dev svr-veth')
        replaced.contains('<console>:4 replaces <console>:1')
        enter('exec server ip -br addr show dev svr-veth').contains('192.168.100.1/24')
        enter('entries') =~ /(?m)^\s+4  namespace 'server' .*'192.168.100.1\/24' }$/
    }

    def "a namespace name becomes an address where one is expected, shown as run, and never in place of a word of ip"() {
        given: 'a namespace named bridge, with an address, holding a bridge'
        enter("namespace 'pc' { veth 'eth0' peer 'bridge', name: 'port0'; ip '10.95.0.1/24' }")
        enter("namespace 'bridge' { bridge 'br0' { port 'port0'; ip '10.95.0.254/24' } }")

        when:
        String listed = enter('bridge ip -br link show type bridge')

        then: 'ip ran as typed and listed the bridge'
        !listed.contains('runs:')
        listed =~ /(?m)^br0\s+\S+\s+[0-9a-f:]{17}/

        when:
        String ping = enter('pc ping -c 1 -W 2 bridge')

        then:
        ping.contains('runs: ping -c 1 -W 2 10.95.0.254')
        ping.contains('1 received')
    }
}
