package nslab.lang

import nslab.model.DeviceKind
import nslab.model.FirewallRule
import spock.lang.Specification

import static nslab.LabFixtures.lab

/** Every form of the lab-language contract evaluates into the model it describes. */
class LanguageFormsSpec extends Specification {

    def "namespace forms: #form"() {
        when:
        def l = lab(form)

        then:
        l.namespace('server').present
        l.namespace('server').get().declared()

        where:
        form << [
                "namespace 'server' { }",
                "namespace('server') { }",
                "namespace 'server'",
                "ns 'server' { }",
                "ns 'server'",
                "def n = 'server'; namespace \"\$n\" { }",
        ]
    }

    def "the design card's literal form works"() {
        when:
        def l = lab("namespace 'gateway'\nnamespace 'server' { veth 'svr-veth' peer 'gateway'; ip '192.168.100.1/24' }")

        then:
        l.namespace('server').get().addresses()*.text() == ['192.168.100.1/24']
        l.namespace('server').get().addresses()[0].dev() == 'svr-veth'
        l.namespace('gateway').get().iface('server').present
    }

    def "references resolve after the whole script: a bridge names ports that later namespaces create"() {
        when:
        def l = lab("""
            namespace 'bridge' { bridge 'br' { port 'bridge-net0', 'bridge-net1' } }
            namespace 'net0' { veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' }
            namespace 'net1' { veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' }
        """)
        def br = l.namespace('bridge').get()

        then:
        br.iface('bridge-net0').get().kind() == new DeviceKind.Veth('net0', 'net0-bridge', false)
        br.iface('bridge-net0').get().master() == 'br'
        br.iface('bridge-net1').get().master() == 'br'
    }

    def "a loop declares many namespaces: (1..50).each { namespace \"n\$i\" { } }"() {
        when:
        def l = lab('(1..50).each { i -> namespace "n$i" { } }')

        then:
        l.created()*.name() == (1..50).collect { "n$it" }
    }

    def "declaring a namespace twice merges the bodies"() {
        when:
        def l = lab("""
            namespace 'a' { veth 'x' peer 'b' }
            namespace 'b'
            namespace 'a' { ip '10.0.0.1/24', dev: 'x' }
        """)

        then:
        l.created()*.name() == ['a', 'b']
        l.namespace('a').get().addresses()*.text() == ['10.0.0.1/24']
    }

    def "lab names the lab; the default is the file's base name"() {
        expect:
        lab("lab 'three-hosts'").name() == 'three-hosts'
        nslab.LabFixtures.compile("namespace 'a'", 'dir/my-lab.groovy').lab().name() == 'my-lab'
    }

    def "host is the root namespace, and 'host' names it in peer"() {
        when:
        def l = lab("""
            namespace 'nstest'
            host { veth 'veth-a' peer 'nstest' }
        """)
        def host = l.host().get()

        then:
        host.host()
        host.iface('veth-a').get().kind() == new DeviceKind.Veth('nstest', 'host', true)
        l.namespace('nstest').get().iface('host').get().kind() == new DeviceKind.Veth('host', 'veth-a', false)
    }

    def "veth forms: #form"() {
        when:
        def ns = lab("namespace 'gateway'\nnamespace 'server' { $form }").namespace(peerNs).get()

        then:
        ns.iface(peerName).get().kind() instanceof DeviceKind.Veth
        ns.addresses()*.text() == peerIps

        where:
        form                                                                              | peerNs    | peerName     | peerIps
        "veth 'svr-veth' peer 'gateway'"                                                  | 'gateway' | 'server'     | []
        "veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'"                              | 'gateway' | 'svrgw-veth' | []
        "veth 'svr-veth' peer 'gateway', name: 'svrgw-veth', ip: '192.168.100.254/24'"    | 'gateway' | 'svrgw-veth' | ['192.168.100.254/24']
        "veth 'veth0' peer 'veth1'"                                                       | 'server'  | 'veth1'      | []
    }

    def "dev selects an interface declared elsewhere, with or without a block"() {
        when:
        def l = lab("""
            namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth' }
            namespace 'gateway' {
                dev 'svrgw-veth'
                mtu 1400
                dev 'svrgw-veth' { ip '192.168.100.254/24' }
            }
        """)
        def gw = l.namespace('gateway').get()

        then:
        gw.iface('svrgw-veth').get().mtu() == 1400
        gw.addresses()*.dev() == ['svrgw-veth']
    }

    def "settings apply to the current interface: #form"() {
        when:
        def ns = lab("namespace 'b'\nnamespace 'a' { veth 'x' peer 'b'\n $form }").namespace('a').get()

        then:
        check(ns)

        where:
        form                                | check
        "ip '192.168.100.1/24'"             | { it.addresses()*.text() == ['192.168.100.1/24'] }
        "ip '2001:db8:1::1/64'"             | { it.addresses()[0].v6() }
        "ip '10.0.0.1/24', dev: 'x'"        | { it.addresses()[0].dev() == 'x' }
        "mtu 1400"                          | { it.iface('x').get().mtu() == 1400 }
        "mac '02:00:00:00:00:01'"           | { it.iface('x').get().mac() == '02:00:00:00:00:01' }
        "down"                              | { !it.iface('x').get().up() }
        "down; up"                          | { it.iface('x').get().up() }
        "netem delay: '10ms', loss: '1%'"   | { it.conditions()[0].netem() == [delay: '10ms', loss: '1%'] }
        "rate '10mbit'"                     | { it.conditions()[0].rate() == '10mbit' }
    }

    def "device forms: #form"() {
        when:
        def ns = lab("namespace 'a' { veth 'eth0' peer 'b'\n $form }\nnamespace 'b'").namespace('a').get()

        then:
        ns.iface(name).get().kind() == kind

        where:
        form                                                        | name      | kind
        "bridge 'br0' { port 'eth0'; ip '10.0.1.254/24' }"          | 'br0'     | new DeviceKind.Bridge(['eth0'])
        "tap 'tap0'"                                                | 'tap0'    | new DeviceKind.Tap()
        "tun 'tun0'"                                                | 'tun0'    | new DeviceKind.Tun()
        "macvlan 'mv0' on 'eth0'"                                   | 'mv0'     | new DeviceKind.Macvlan('eth0', 'bridge')
        "macvlan 'mv0', mode: 'private' on 'eth0'"                  | 'mv0'     | new DeviceKind.Macvlan('eth0', 'private')
        "macvlan 'mv0' on 'eth1', from: 'host'"                     | 'mv0'     | new DeviceKind.Macvlan('eth1', 'bridge', 'host')
        "macvlan 'mv0', from: 'host', mode: 'private' on 'eth1'"    | 'mv0'     | new DeviceKind.Macvlan('eth1', 'private', 'host')
        "vxlan 'vx0', id: 42, remote: '10.0.0.2', dev: 'eth0'"      | 'vx0'     | new DeviceKind.Vxlan(42, '10.0.0.2', 'eth0', 4789)
        "vxlan 'vx0', id: 42, remote: '10.0.0.2', port: 8472"       | 'vx0'     | new DeviceKind.Vxlan(42, '10.0.0.2', null, 8472)
        "vlan 'eth0.10' on 'eth0', id: 10"                          | 'eth0.10' | new DeviceKind.Vlan('eth0', 10)
    }

    def "a bridge's ports become its members"() {
        when:
        def ns = lab("""
            namespace 'net0' { veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' }
            namespace 'net1' { veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' }
            namespace 'bridge' { bridge 'br0' { port 'bridge-net0', 'bridge-net1'; ip '10.0.1.254/24' } }
        """).namespace('bridge').get()

        then:
        ns.iface('bridge-net0').get().master() == 'br0'
        ns.iface('bridge-net1').get().master() == 'br0'
        ns.addresses()[0].dev() == 'br0'
    }

    def "routing forms: #form"() {
        when:
        def ns = lab("namespace 'a' { veth 'eth1' peer 'b'; ip '10.0.0.1/24'\n veth 'veth-a' peer 'c'; ip '10.0.100.1/24'\n $form }\nnamespace 'b'\nnamespace 'c'").namespace('a').get()
        def r = ns.routes()[0]

        then:
        [r.destination(), r.via(), r.dev()] == expected

        where:
        form                                              | expected
        "gateway '10.0.0.254'"                            | ['default', '10.0.0.254', null]
        "route 'default' via '10.0.100.254'"              | ['default', '10.0.100.254', null]
        "route '10.0.0.0/8' via '10.0.100.254'"           | ['10.0.0.0/8', '10.0.100.254', null]
        "route '10.0.0.3' dev 'veth-a'"                   | ['10.0.0.3', null, 'veth-a']
        "route '10.1.0.0/16' via '10.0.0.2' dev 'eth1'"   | ['10.1.0.0/16', '10.0.0.2', 'eth1']
    }

    def "namespace-wide forms: #form"() {
        when:
        def ns = lab("namespace 'a' { $form }").namespace('a').get()

        then:
        check(ns)

        where:
        form                                                      | check
        "forward true"                                            | { it.forward() && it.sysctls()*.key() == ['net.ipv4.ip_forward'] }
        "forward true; veth 'x' peer 'y'; ip '2001:db8::1/64'"    | { it.sysctls()*.key() == ['net.ipv4.ip_forward', 'net.ipv6.conf.all.forwarding'] }
        "sysctl 'net.ipv4.conf.all.arp_ignore', 0"                | { it.sysctls()[0].value() == '0' }
        "loopback false"                                          | { !it.loopback() }
        "masquerade '10.0.0.0/24', out: 'eth0'"                   | { it.rules()[0] == new FirewallRule.Masquerade('a', '10.0.0.0/24', 'eth0', it.rules()[0].source()) }
        "accept in: 'veth-a', out: 'eth0'"                        | { it.rules()[0] == new FirewallRule.Forward('a', true, 'veth-a', 'eth0', it.rules()[0].source()) }
        "drop in: 'eth1'"                                         | { it.rules()[0] == new FirewallRule.Forward('a', false, 'eth1', null, it.rules()[0].source()) }
        "forwardPort 8080, to: '192.168.100.1:80', in: 'eth0'"    | { it.rules()[0] == new FirewallRule.ForwardPort('a', 8080, '192.168.100.1', 80, 'eth0', 'tcp', it.rules()[0].source()) }
        "forwardPort 53, to: '10.0.0.2:53', proto: 'udp'"         | { it.rules()[0].proto() == 'udp' }
        "run 'python3 -m http.server 80'"                         | { it.runs()[0].command() == 'python3 -m http.server 80' }
    }

    def "link joins two namespaces with default names, optionally with addresses"() {
        when:
        def l = lab("namespace 'net0'\nnamespace 'net1'\n$form")

        then:
        l.namespace('net0').get().iface('net1').get().isVeth()
        l.namespace('net1').get().iface('net0').get().isVeth()
        l.namespace('net0').get().addresses()*.text() == ips0
        l.namespace('net1').get().addresses()*.text() == ips1

        where:
        form                                                        | ips0            | ips1
        "link 'net0', 'net1'"                                       | []              | []
        "link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']"  | ['10.0.1.1/24'] | ['10.0.1.2/24']
    }

    def "expect collects reach and unreachable, with their lines"() {
        when:
        def l = lab("""namespace 'client' { veth 'c' peer 'server'; ip '10.0.0.1/24' }
namespace 'server' { dev 'client' { ip '10.0.0.2/24' } }
namespace 'net0'
expect {
    reach 'client' to '192.168.100.1'
    reach 'client' to 'server'
    unreachable 'net0' to '10.0.100.1'
    reach 'client' to '10.0.0.2', dev: 'c'
}""")

        then:
        l.expectations().collect { [it.from(), it.target(), it.reachable(), it.dev(), it.source().line()] } == [
                ['client', '192.168.100.1', true, null, 5],
                ['client', 'server', true, null, 6],
                ['net0', '10.0.100.1', false, null, 7],
                ['client', '10.0.0.2', true, 'c', 8]]
    }

    def "interface names that are also ip keywords are legal: #name"() {
        when:
        def c = nslab.LabFixtures.compile("namespace 'b'\nnamespace 'a' { veth '$name' peer 'b', name: '$name' }")

        then:
        c.ok()
        nslab.LabFixtures.commands(c.plan()).any { it.contains("name $name ") }

        where:
        name << ['dev', 'name', 'type', 'up', 'a']
    }

    def "each element remembers the line it came from"() {
        when:
        def l = lab("""lab 'x'
namespace 'a' {
    veth 'v' peer 'b'
    ip '10.0.0.1/24'
    gateway '10.0.0.254'
}
namespace 'b'""")
        def a = l.namespace('a').get()

        then:
        a.source().line() == 2
        a.iface('v').get().source().line() == 3
        a.addresses()[0].source().line() == 4
        a.routes()[0].source().line() == 5
        l.namespace('b').get().iface('a').get().source().line() == 3
    }

    def "Groovy variables, methods and loops work in a lab"() {
        when:
        def l = lab('''
            subnet = '10.0.1'                       // a binding variable: methods see it
            def address(int i) { "${subnet}.${i}/24" }
            namespace 'bridge' { bridge 'br0' }
            (1..3).each { i ->
                namespace "n$i" { veth "eth$i" peer 'bridge', name: "p$i"; ip address(i) }
                namespace 'bridge' { dev 'br0' { port "p$i" } }
            }
        ''')

        then:
        l.created()*.name() == ['bridge', 'n1', 'n2', 'n3']
        l.namespace('n2').get().addresses()*.text() == ['10.0.1.2/24']
        l.namespace('bridge').get().iface('p3').get().master() == 'br0'
    }
}
