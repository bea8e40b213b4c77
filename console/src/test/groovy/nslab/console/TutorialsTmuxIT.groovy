package nslab.console

import java.util.regex.Pattern
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Tutorials 000 and 003 (shared/seeds) typed into ./nslab --sandbox under tmux as they are printed:
 * with sudo and "$ " prompts, addresses without a prefix (/32), the commands that only look, a
 * line pasted again, a typo taken back with undo, an entry changed with edit; and at the end
 * check says that every expectation holds. Runs in the integration-test phase, after the jar is built.
 */
@Timeout(300)
@IgnoreIf({ ['tmux', 'unshare'].any { tool -> ['/usr/bin/', '/bin/'].every { !new File(it + tool).exists() } } })
class TutorialsTmuxIT extends Specification {
    static final Pattern PROMPT = ~/(?m)^nslab live> /
    TmuxConsole console

    def cleanup() {
        console?.close()
    }

    void paste(String... lines) {
        lines.each { console.enter(it, PROMPT) }
    }

    def "tutorial 000 as printed: the refused default route is taken when pasted again, a typo is undone, and the expectations hold"() {
        given:
        console = new TmuxConsole('t000').start('--sandbox console --live')
        console.waitFor(~/(?m)^nslab live> ?$/, 120)

        when: 'the tutorial, as printed, up to its routes'
        paste('sudo ip netns add nstest',
              'sudo ip link add veth-a type veth peer name veth-b',
              'sudo ip link set veth-b netns nstest',
              'sudo ip addr add 10.0.0.2 dev veth-a && sudo ip link set veth-a up',
              'sudo ip netns exec nstest ip addr add 10.0.0.3 dev veth-b && sudo ip netns exec nstest ip link set veth-b up',
              'sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b',
              'sudo route add -host 10.0.0.3 dev veth-a')

        then: 'the /32 addresses are warned of, and the default route is refused with the route that is missing'
        console.screen().contains('10.0.0.2 has no prefix length, so it means /32')
        console.screen().contains("error: gateway 10.0.0.2 is on no subnet of nstest on veth-b")
        console.screen().contains("route '10.0.0.2' dev 'veth-b'")

        when: 'that route typed, and the refused line pasted again, and the first line too'
        paste("namespace 'nstest' { route '10.0.0.2' dev 'veth-b' }",
              'sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b',
              'sudo ip netns add nstest')

        then:
        console.screen().contains('+ ip -n nstest route add default via 10.0.0.2 dev veth-b')
        console.screen() =~ /<console>:\d+ adds nothing new: already in the lab, <console>:1/

        when: 'a typo in a host route, applied, then taken back'
        paste("host { route '10.0.0.33' dev 'veth-a' }")
        paste('undo')

        then:
        console.screen().contains('+ ip route add 10.0.0.33 dev veth-a')
        console.screen().contains('- ip route del 10.0.0.33 dev veth-a')
        console.screen() =~ /<console>:\d+ taken back: 1 command fewer/

        when: "the rest: the tutorial's cat (meant as echo), forwarding, NAT, and its curl"
        paste('cat 1 > /proc/sys/net/ipv4/ip_forward',
              'echo 1 > /proc/sys/net/ipv4/ip_forward',
              'sudo iptables -A FORWARD -t filter --out-interface eth0 --in-interface veth-a',
              'sudo iptables -t nat -A POSTROUTING --source 10.0.0.0/24 --out-interface eth0 -j MASQUERADE',
              'sudo ip netns exec nstest curl www.baidu.com')

        then: 'each line answered'
        console.screen().contains('// not translated: cat 1 > /proc/sys/net/ipv4/ip_forward')
        console.screen().contains('+ sysctl -w net.ipv4.ip_forward=1')
        console.screen().contains('+ iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE')
        console.screen().contains('// not translated: curl www.baidu.com')

        expect: 'the expectations typed last hold, with the others, and the console leaves'
        allHoldThenExit("expect { reach 'nstest' to '10.0.0.2'; reach 'host' to 'nstest' }", 2)
    }

    def "tutorial 003 as printed: the basics, the routed demo (an ifconfig /8 changed with edit) and the bridge, and the expectations hold"() {
        given:
        console = new TmuxConsole('t003').start('--sandbox console --live')
        console.waitFor(~/(?m)^nslab live> ?$/, 120)

        when: 'the basic commands'
        paste('ip netns add nstest', 'ip netns list', 'ip netns exec nstest ip link set dev lo up',
              'ip link add veth-a type veth peer name veth-b', 'ip link set veth-b netns nstest',
              'ip addr add 10.0.0.1/24 dev veth-a', 'ip link set dev veth-a up',
              'ip netns exec nstest ip addr add 10.0.0.2/24 dev veth-b', 'ip netns exec nstest ip link set dev veth-b up',
              'ip netns exec nstest ping 10.0.0.1')

        then:
        console.screen().contains('+ ip link add name veth-a type veth peer name veth-b netns nstest')
        console.screen().contains("» expect { reach 'nstest' to '10.0.0.1' }")

        when: 'the routed demo, with its prompts'
        paste('$ sudo ip netns add server', '$ sudo ip netns add gateway', '$ sudo ip netns add client',
              '$ ip netns exec gateway sysctl net.ipv4.ip_forward=1',
              '$ ip link add svr-veth type veth peer name svrgw-veth', '$ ip link add cli-veth type veth peer name cligw-veth',
              '$ ip link show | grep veth',
              '$ ip link set svr-veth netns server', '$ ip link set svrgw-veth netns gateway',
              '$ ip link set cligw-veth netns gateway', '$ ip link set cli-veth netns client',
              '$ ip netns exec server ifconfig svr-veth 192.168.100.1',
              '$ ip netns exec gateway ifconfig svrgw-veth 192.168.100.254',
              '$ ip netns exec gateway ifconfig cligw-veth 10.0.100.254',
              '$ ip netns exec client ifconfig cli-veth 10.0.100.1',
              '$ sudo ip netns exec client route add default gw 10.0.100.254',
              '$ sudo ip netns exec client netstat -rn',
              '$ ip netns exec server route add default gw 192.168.100.254',
              '$ ip netns exec client ping 192.168.100.1 -I 10.0.100.1')

        then:
        console.screen().contains("» namespace 'client' { dev 'cli-veth' { ip '10.0.100.1/8' } }")
        console.screen().contains('// skipped: netstat -rn')

        when: "edit: the client's /8 (ifconfig's class A netmask) becomes the /24 the picture means"
        paste('entries')
        int n = Integer.parseInt(console.waitFor(~/(?m)^\s+(\d+)  namespace 'client' \{ dev 'cli-veth' \{ ip '10.0.100.1\/8' } }$/, 30).group(1))
        paste("edit $n")
        console.waitFor(~/(?m)^nslab live> namespace 'client' \{ dev 'cli-veth' \{ ip '10.0.100.1\/8' } }\s*$/, 30)
        console.press('C-u')
        paste("namespace 'client' { dev 'cli-veth' { ip '10.0.100.1/24' } }")

        then:
        console.waitFor(~/\+ ip -n client addr add 10.0.100.1\/24 dev cli-veth/, 30)
        console.screen() =~ /<console>:\d+ replaces <console>:$n/

        when: 'the bridge'
        paste('ip netns add net0', 'ip netns add net1', 'ip netns add bridge',
              'ip link add type veth', 'ip link set dev veth0 name net0-bridge netns net0', 'ip link set dev veth1 name bridge-net0 netns bridge',
              'ip link add type veth', 'ip link set dev veth0 name net1-bridge netns net1', 'ip link set dev veth1 name bridge-net1 netns bridge',
              'ip netns exec bridge brctl addbr br', 'ip netns exec bridge ip link set dev br up',
              'ip netns exec bridge ip link set dev bridge-net0 up', 'ip netns exec bridge ip link set dev bridge-net1 up',
              'ip netns exec bridge brctl addif br bridge-net0', 'ip netns exec bridge brctl addif br bridge-net1',
              'ip netns exec net0 ip link set dev net0-bridge up', 'ip netns exec net0 ip address add 10.0.1.1/24 dev net0-bridge',
              'ip netns exec net1 ip link set dev net1-bridge up', 'ip netns exec net1 ip address add 10.0.1.2/24 dev net1-bridge',
              '$ ip netns exec net0 ping -c 3 10.0.1.2')

        then: 'a namespace named bridge runs ip as typed'
        paste('bridge ip -br link show type bridge')
        console.waitFor(~/(?m)^br\s+(UP|UNKNOWN)/, 30)

        expect: "the expectations typed last hold, with those the tutorial's pings gave, and the console leaves"
        allHoldThenExit("expect { reach 'client' to 'server'; reach 'server' to 'client'; reach 'net1' to 'net0' }", 6)
    }

    /** Types the expectations, then check, which must find all {@code count} of the lab's holding; then exit. */
    private boolean allHoldThenExit(String expectations, int count) {
        paste(expectations)
        paste('check')
        console.waitFor(~/all ${count} expectations hold/, 90)
        assert !console.screen().contains('FAILED')
        console.keys('exit')
        console.waitFor(~/NSLAB-ENDED/, 30)
        true
    }
}
