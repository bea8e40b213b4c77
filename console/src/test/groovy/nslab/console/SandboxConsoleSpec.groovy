package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * The console applying labs for real, in a child process inside a private user + network + mount
 * namespace (a JVM cannot enter one itself), so the machine's own network is never touched.
 * The spec types into the child's stdin and reads what it prints.
 */
@Timeout(120)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxConsoleSpec extends Specification {
    SandboxedConsole console
    ConsoleScreen screen

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
        screen = console.screen
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line, long timeout = 30000) {
        console.enter(line, 'nslab live> ', timeout)
    }

    def "in live mode a typed line is applied at once and the commands it ran are printed"() {
        when:
        String shown = enter("namespace 'a'")

        then:
        shown.contains('ip netns add a')
        shown.contains('ip -n a link set dev lo up')

        when:
        shown = enter("namespace 'b' { veth 'v0' peer 'a'; ip '10.0.0.2/24' }")

        then: 'only what the new line adds runs'
        shown.contains('ip link add name v0 netns b type veth peer name b netns a')
        shown.contains('ip -n b addr add 10.0.0.2/24 dev v0')
        !shown.contains('ip netns add a')

        when:
        shown = enter('exec host ip netns list')

        then: 'both namespaces are on the (sandbox) kernel'
        shown =~ /(?m)^a\b/
        shown =~ /(?m)^b\b/
    }

    def "exec output is streamed as it comes, and a namespace name stands for its address"() {
        given:
        twoHosts()

        when:
        screen.line('exec a ping -c 3 -i 0.6 b')
        screen.waitFor('PING 10.0.0.2')
        screen.waitFor('icmp_seq=1')
        long first = System.nanoTime()
        screen.waitFor('icmp_seq=3')
        long last = System.nanoTime()
        String rest = screen.waitFor('nslab live> ')

        then: 'the replies arrived over time, not all at the end'
        (last - first) / 1_000_000 >= 900
        rest.contains('3 received')
    }

    def "the NS CMD form and pingall"() {
        given:
        twoHosts()

        when:
        String ping = enter('a ping -c 1 b')
        String matrix = enter('pingall')

        then:
        ping.contains('1 received')
        matrix.contains('a -> b')
        matrix.contains('b -> a')
        matrix.contains('0% dropped (2/2 received)')
    }

    def "pingall names a namespace without an IPv4 address (a switch) and leaves it out"() {
        given: 'two hosts cabled to a bridge in a third namespace, which has no address'
        enter("namespace 'sw' { bridge 'br0' }")
        enter("namespace 'a' { veth 'a0' peer 'sw', name: 'pa'; ip '10.0.5.1/24' }")
        enter("namespace 'b' { veth 'b0' peer 'sw', name: 'pb'; ip '10.0.5.2/24' }")
        enter("namespace 'sw' { dev('br0') { port 'pa', 'pb' } }")

        when:
        String matrix = enter('pingall')

        then:
        matrix.contains('between 2 namespaces')
        matrix.contains('without an IPv4 address, not pinged: sw')
        matrix.contains('a -> b')
        matrix.contains('b -> a')
        !matrix.contains('sw ->')
        matrix.contains('0% dropped (2/2 received)')
    }

    def "Ctrl-C stops the running command, not the console"() {
        given:
        twoHosts()

        when:
        screen.line('exec a ping -i 0.2 b')
        screen.waitFor('icmp_seq=2')
        screen.type('\u0003')
        String stopped = screen.waitFor('nslab live> ')
        String after = enter('exec a echo still here')

        then:
        stopped.contains('^C: stopped')
        after.contains('still here')
    }

    def "a line the kernel refuses is undone and dropped; the lab stays as it was"() {
        given:
        twoHosts()

        when: 'the lab is valid, but the kernel refuses part of it'
        String shown = enter("namespace 'c' { veth 'v1' peer 'a'; ip '10.0.1.1/24'; sysctl 'net.ipv4.nslab_no_such_setting', 1 }")

        then: 'the engine had created c, and undid it'
        shown.contains('error: the kernel refused')
        shown.contains('- ip netns del c')
        shown.contains("sysctl 'net.ipv4.nslab_no_such_setting', 1")

        when:
        String live = enter('exec host ip netns list')
        String plan = enter('plan')

        then: 'nothing of it stays on the kernel or in the lab'
        !(live =~ /(?m)^c\b/)
        live =~ /(?m)^a\b/
        !plan.contains('ip netns add c')
    }

    private void twoHosts() {
        enter("namespace 'a'")
        enter("namespace 'b'")
        enter("link 'a', 'b', ips: ['10.0.0.1/24', '10.0.0.2/24']")
    }
}
