package nslab.trace

import nslab.LabCompiler
import nslab.command.TraceText
import nslab.model.Lab
import spock.lang.Specification

/**
 * The walk on a lab's model alone (a lab that is not live): the same hops and verdicts as on the
 * kernel, from the script's addresses, routes, sysctls and rules; nothing counted or confirmed.
 */
class ModelTraceSpec extends Specification {
    static Lab lab(String text) {
        def c = new LabCompiler().compile('lab.groovy', text)
        assert c.ok(), c.problems()*.format()
        c.lab()
    }

    static final String ROUTED = new File('../examples/server-gateway-client.groovy').text

    def "a routed lab: every hop there and back, each with the line behind it, nothing confirmed"() {
        when:
        def t = Tracer.onModel(lab(ROUTED), TraceText.WORDS).trace('client', 'server', Probe.icmp(false, null))

        then:
        t.ok() && t.reached() && !t.live() && t.confirmed() == null
        t.there().collect { [it.kind(), it.namespace(), it.in(), it.out()] } == [
                [Hop.Kind.SEND, 'client', null, 'cli-veth'],
                [Hop.Kind.FORWARD, 'gateway', 'cligw-veth', 'svrgw-veth'],
                [Hop.Kind.DELIVER, 'server', 'svr-veth', null]]
        t.back()*.namespace() == ['server', 'gateway', 'client']
        t.there()*.line() == ["gateway '10.0.100.254'", "dev 'svrgw-veth' { ip '192.168.100.254/24' }", "ip '192.168.100.1/24'"]
        t.there()*.seen() == [null, null, null]
        t.verdict().endsWith('the lab is not live, nothing was sent or confirmed')
    }

    def "#what stops the packet in #ns: #verdict"() {
        when:
        def t = Tracer.onModel(lab(text), TraceText.WORDS).trace(from, to, Probe.icmp(false, null))

        then:
        !t.ok()
        t.there().last().kind() == Hop.Kind.STOP || t.back().last().kind() == Hop.Kind.STOP
        (t.back() ?: t.there()).last().namespace() == ns
        t.verdict().startsWith(verdict)
        t.fix() == fix

        where:
        what              | text                                                                  | from     | to       || ns        | verdict                                          | fix
        'no forward'      | ROUTED.replace('    forward true\n', '')                                | 'client' | 'server' || 'gateway' | 'dropped in gateway: forwarding is off'          | "add `forward true` to namespace 'gateway'"
        'no way back'     | ROUTED.replace("    gateway '192.168.100.254'\n", '')                   | 'client' | 'server' || 'server'  | 'no route back from server to 10.0.100.1'        | "add `gateway '192.168.100.254'` to namespace 'server'"
        'no way there'    | ROUTED.replace("    gateway '10.0.100.254'\n", '')                      | 'client' | 'server' || 'client'  | 'no route from client to 192.168.100.1'          | "add `gateway '10.0.100.254'` to namespace 'client'"
        'a drop rule'     | ROUTED.replace('    forward true\n', "    forward true\n    drop in: 'cligw-veth'\n") | 'client' | 'server' || 'gateway' | "dropped in gateway by `drop in: 'cligw-veth'` (lab.groovy:19)" | "remove or narrow `drop in: 'cligw-veth'` (lab.groovy:19)"
    }

    static final String TWO_WAYS = '''lab 'two-ways'
namespace 'client' {
    veth 'c1' peer 'r1', name: 'r1c'
    ip '10.0.1.1/24'
    veth 'c2' peer 'r2', name: 'r2c'
    ip '10.0.2.1/24'
    gateway '10.0.1.254'
    sysctl 'net.ipv4.conf.all.rp_filter', 1
}
namespace 'r1' {
    forward true
    dev 'r1c' { ip '10.0.1.254/24' }
    veth 'r1s' peer 'server', name: 's1'
    ip '10.0.3.254/24'
}
namespace 'r2' {
    forward true
    dev 'r2c' { ip '10.0.2.254/24' }
    veth 'r2s' peer 'server', name: 's2'
    ip '10.0.4.254/24'
    route '10.0.1.0/24' via '10.0.2.1'
}
namespace 'server' {
    dev 's1' { ip '10.0.3.1/24' }
    dev 's2' { ip '10.0.4.1/24' }
    gateway '10.0.4.254'
}
'''
    static final String NAT = '''lab 'nat'
namespace 'client' { veth 'lan0' peer 'gw', name: 'lan'; ip '192.168.1.2/24'; gateway '192.168.1.1' }
namespace 'gw' {
    forward true
    dev 'lan' { ip '192.168.1.1/24' }
    veth 'wan' peer 'internet', name: 'eth0'
    ip '198.51.100.1/24'
}
namespace 'internet' { dev 'eth0' { ip '198.51.100.2/24' } }
'''

    def "the script alone decides as the kernel: #what"() {
        when:
        def t = Tracer.onModel(lab(text), TraceText.WORDS).trace(from, to, Probe.icmp(false, null))

        then:
        !t.ok()
        (t.back() ?: t.there()).last().namespace() == ns
        t.verdict().startsWith(verdict)
        t.fix().startsWith(fix)

        where:
        what                                  | text                                                                                   | from     | to         || ns         | verdict                                                                                                   | fix
        'strict rp_filter on a receiver'      | TWO_WAYS                                                                               | 'client' | 'server'   || 'client'   | 'dropped in client by the strict reverse-path filter: the packet from 10.0.3.1 came in by c2'              | "change `sysctl 'net.ipv4.conf.all.rp_filter', 1` (lab.groovy:8) to `sysctl 'net.ipv4.conf.all.rp_filter', 2`"
        'a declared down'                     | ROUTED.replace("dev 'svrgw-veth' { ip '192.168.100.254/24' }", "dev 'svrgw-veth' { ip '192.168.100.254/24'; down }") | 'client' | 'server' || 'gateway' | 'no route from gateway to 192.168.100.1: svrgw-veth is down'                                | 'remove `down` from lab.groovy:19'
        'a mistyped gateway'                  | ROUTED.replace("gateway '192.168.100.254'", "gateway '192.168.100.253'")               | 'client' | 'server'   || 'server'   | 'no ARP answer for 192.168.100.253 on svr-veth in server'                                                  | "change `gateway '192.168.100.253'` (lab.groovy:8) to `gateway '192.168.100.254'`"
        'a missing masquerade'                | NAT                                                                                    | 'client' | 'internet' || 'internet' | 'no route back from internet to 192.168.1.2'                                                               | "add `masquerade '192.168.1.0/24', out: 'wan'` to namespace 'gw'"
    }

    def "a forwardPort: the walk follows the DNAT to the server and back"() {
        given:
        def text = '''lab 'dnat'
namespace 'client' { veth 'c0' peer 'gw', name: 'gc'; ip '198.51.100.2/24' }
namespace 'gw' {
    forward true
    dev 'gc' { ip '198.51.100.1/24' }
    veth 'gs' peer 'server', name: 's0'
    ip '192.168.1.1/24'
    forwardPort 8080, to: '192.168.1.2:80', in: 'gc'
}
namespace 'server' { dev 's0' { ip '192.168.1.2/24' }; gateway '192.168.1.1'; run 'python3 -m http.server 80' }
'''

        when:
        def t = Tracer.onModel(lab(text), TraceText.WORDS).trace('client', '198.51.100.1', new Probe(Probe.Kind.TCP, 8080, false, null))

        then:
        t.ok()
        t.there()*.namespace() == ['client', 'gw', 'gw', 'server']
        t.there()[1].decision() == 'DNAT: the destination 198.51.100.1 port 8080 becomes 192.168.1.2 port 80 (lab.groovy:8)'
        t.there().last().decision().contains('a program listens on TCP port 80')
        t.back()[1].decision().contains('conntrack undoes the DNAT: the source 192.168.1.2 becomes 198.51.100.1 again')
    }

    def "a bridge in a third namespace is a hop of its own"() {
        when:
        def t = Tracer.onModel(lab(new File('../examples/bridge.groovy').text), TraceText.WORDS).trace('net0', 'net1', Probe.icmp(false, null))

        then:
        t.reached()
        t.there().collect { [it.kind(), it.namespace(), it.in(), it.out()] } == [
                [Hop.Kind.SEND, 'net0', null, 'net0-bridge'],
                [Hop.Kind.BRIDGE, 'bridge', 'bridge-net0', 'bridge-net1'],
                [Hop.Kind.DELIVER, 'net1', 'net1-bridge', null]]
        t.there()[1].line() == "bridge 'br' { port 'bridge-net0', 'bridge-net1' }"
    }

    def "masquerade rewrites the source on the way there, and conntrack undoes it on the way back"() {
        when:
        def t = Tracer.onModel(lab(new File('../examples/veth-nat-gateway.groovy').text), TraceText.WORDS)
                .trace('container001', 'internet', Probe.icmp(false, null))

        then:
        t.reached()
        t.there()[1].decision().contains('masquerade: the source 192.168.8.2 becomes 198.51.100.1 (lab.groovy:17)')
        t.back()*.namespace() == ['internet', 'host', 'host', 'container001']
        t.back()[1].decision() == 'conntrack undoes the masquerade: the destination 198.51.100.1 becomes 192.168.8.2 again'
        t.back()[1].line() == "masquerade '192.168.8.0/24', out: 'uplink0'"
    }

    def "a TCP port that no run line names is refused; one that a run line names is delivered to it"() {
        given:
        def text = '''lab 'tcp'
namespace 'c' { veth 'c0' peer 's', name: 's0'; ip '10.0.7.1/24' }
namespace 's' {
    dev 's0' { ip '10.0.7.2/24' }
    run 'python3 -m http.server 8080'
}
'''
        when:
        def open = Tracer.onModel(lab(text), TraceText.WORDS).trace('c', 's', new Probe(Probe.Kind.TCP, 8080, false, null))
        def closed = Tracer.onModel(lab(text), TraceText.WORDS).trace('c', 's', new Probe(Probe.Kind.TCP, 8081, false, null))

        then:
        open.ok()
        open.there().last().line() == "run 'python3 -m http.server 8080'"
        !closed.ok()
        closed.verdict().startsWith('refused in s: nothing listens on TCP port 8081')
    }

    def "iptables-save lines: counters skipped, policies kept, matches read; a rule with other matches is not understood"() {
        when:
        def lines = FirewallLine.parseSave('''*filter
:INPUT ACCEPT [0:0]
:FORWARD DROP [3:252]
[5:420] -A FORWARD -s 10.0.0.0/24 -i eth0 -o eth1 -p tcp -m tcp --dport 80 -j ACCEPT
-A FORWARD -m state --state NEW -j DROP
COMMIT
*nat
-A POSTROUTING -s 10.0.0.0/24 -o eth1 -j MASQUERADE
COMMIT
''')
        def packet = new FirewallLine.Packet('10.0.0.7', '192.0.2.1', 'eth0', 'eth1', 'tcp', 80)

        then:
        lines.collect { [it.table(), it.chain(), it.policy(), it.target(), it.understood()] } == [
                ['filter', 'INPUT', true, 'ACCEPT', true],
                ['filter', 'FORWARD', true, 'DROP', true],
                ['filter', 'FORWARD', false, 'ACCEPT', true],
                ['filter', 'FORWARD', false, 'DROP', false],
                ['nat', 'POSTROUTING', false, 'MASQUERADE', true]]
        lines[2].matches(packet)
        !lines[2].matches(new FirewallLine.Packet('10.0.1.7', '192.0.2.1', 'eth0', 'eth1', 'tcp', 80))
        !lines[2].matches(new FirewallLine.Packet('10.0.0.7', '192.0.2.1', 'eth0', 'eth1', 'tcp', 81))
        lines[4].sameAs(FirewallLine.parse('filter', ['-t', 'nat', '-A', 'POSTROUTING', '-s', '10.0.0.9/24', '-o', 'eth1', '-j', 'MASQUERADE']))
    }
}
