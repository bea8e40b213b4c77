package nslab.plan

import spock.lang.Specification
import nslab.plan.Effect

import static nslab.LabFixtures.commands
import static nslab.LabFixtures.plan

/** Where each word becomes commands, and the order the kernel needs. */
class PlannerSpec extends Specification {

    def "#form becomes #expected"() {
        when:
        def cmds = commands(plan("namespace 'b'\nnamespace 'a' { veth 'eth0' peer 'b', name: 'p'; ip '10.0.0.1/24'\n $form }"))

        then:
        cmds.contains(expected)

        where:
        form                                                    | expected
        "veth 'x' peer 'b', name: 'y'"                          | 'ip link add name x netns a type veth peer name y netns b'
        "veth 'veth0' peer 'veth1'"                             | 'ip -n a link add name veth0 type veth peer name veth1'
        "ip '10.0.0.2/24', dev: 'eth0'"                         | 'ip -n a addr add 10.0.0.2/24 dev eth0'
        "ip '2001:db8::1/64'"                                   | 'ip -n a addr add 2001:db8::1/64 dev eth0'
        "mtu 1400"                                              | 'ip -n a link set dev eth0 mtu 1400'
        "mac '02:00:00:00:00:01'"                               | 'ip -n a link set dev eth0 address 02:00:00:00:00:01'
        "bridge 'br0' { port 'eth0' }"                          | 'ip -n a link add name br0 type bridge'
        "bridge 'br0' { port 'eth0' }"                          | 'ip -n a link set dev eth0 master br0'
        "tap 'tap0'"                                            | 'ip -n a tuntap add dev tap0 mode tap'
        "tun 'tun0'"                                            | 'ip -n a tuntap add dev tun0 mode tun'
        "macvlan 'mv0' on 'eth0'"                               | 'ip -n a link add name mv0 link eth0 type macvlan mode bridge'
        "vxlan 'vx0', id: 42, remote: '10.0.0.2', dev: 'eth0'"  | 'ip -n a link add name vx0 type vxlan id 42 remote 10.0.0.2 dev eth0 dstport 4789'
        "vlan 'eth0.10' on 'eth0', id: 10"                      | 'ip -n a link add name eth0.10 link eth0 type vlan id 10'
        "gateway '10.0.0.254'"                                  | 'ip -n a route add default via 10.0.0.254'
        "route '10.1.0.0/16' via '10.0.0.2' dev 'eth0'"         | 'ip -n a route add 10.1.0.0/16 via 10.0.0.2 dev eth0'
        "route '10.0.0.3' dev 'eth0'"                           | 'ip -n a route add 10.0.0.3 dev eth0'
        "ip '2001:db8::1/64'; route 'default' via '2001:db8::fe'" | 'ip -n a route add default via 2001:db8::fe'
        "forward true"                                          | 'ip netns exec a sysctl -w net.ipv4.ip_forward=1'
        "sysctl 'net.ipv4.conf.all.arp_ignore', 0"              | 'ip netns exec a sysctl -w net.ipv4.conf.all.arp_ignore=0'
        "masquerade '10.0.0.0/24', out: 'eth0'"                 | 'ip netns exec a iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE'
        "accept in: 'veth-a', out: 'eth0'"                      | 'ip netns exec a iptables -A FORWARD -i veth-a -o eth0 -j ACCEPT'
        "drop in: 'eth1'"                                       | 'ip netns exec a iptables -A FORWARD -i eth1 -j DROP'
        "forwardPort 8080, to: '192.168.100.1:80', in: 'eth0'"  | 'ip netns exec a iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 192.168.100.1:80'
        "netem delay: '10ms', loss: '1%'"                       | 'ip netns exec a tc qdisc add dev eth0 root netem delay 10ms loss 1%'
        "netem delay: '10ms', jitter: '2ms'; rate '1mbit'"      | 'ip netns exec a tc qdisc add dev eth0 root netem delay 10ms 2ms rate 1mbit'
        "rate '10mbit'"                                         | 'ip netns exec a tc qdisc add dev eth0 root tbf rate 10mbit burst 32kbit latency 400ms'
        "run 'python3 -m http.server 80'"                       | "ip netns exec a sh -c 'python3 -m http.server 80'"
        "down"                                                  | 'ip -n a link set dev lo up'
    }

    def "a declared namespace is created, with lo up unless loopback false"() {
        expect:
        commands(plan("namespace 'a'")) == ['ip netns add a', 'ip -n a link set dev lo up']
        commands(plan("namespace 'a' { loopback false }")) == ['ip netns add a']
    }

    def "interfaces of a namespace without IPv6 are set to make no IPv6 address, after all devices and before they come up; with IPv6 they are not"() {
        when:
        def cmds = commands(plan("""namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.0.0.1/24' }
namespace 'b' { dev 'b-a' { ip '10.0.0.2/24' }; bridge 'br0' }
namespace 'c' { veth 'c-b' peer 'b', name: 'b-c'; ip '2001:db8::1/64' }
host { veth 'h-a' peer 'a', name: 'a-h' }"""))

        then:
        cmds.findAll { it.contains('addrgenmode') } == ['ip -n a link set dev a-b addrgenmode none', 'ip -n a link set dev a-h addrgenmode none',
                'ip -n b link set dev b-a addrgenmode none', 'ip -n b link set dev br0 addrgenmode none', 'ip -n b link set dev b-c addrgenmode none']
        cmds.findIndexOf { it.contains('addrgenmode') } > cmds.findLastIndexOf { it.contains('link add') }
        cmds.findLastIndexOf { it.contains('addrgenmode') } < cmds.findIndexOf { it.endsWith(' up') }
    }

    def "an interface left down is not brought up"() {
        when:
        def cmds = commands(plan("namespace 'a' { tap 't0'; down }"))

        then:
        !cmds.contains('ip -n a link set dev t0 up')
    }

    def "host commands carry no namespace; the host is never created"() {
        when:
        def cmds = commands(plan("namespace 'nstest'\nhost { veth 'veth-a' peer 'nstest', name: 'veth-b'; ip '10.0.0.2/24'; forward true }"))

        then:
        cmds == ['ip netns add nstest',
                 'ip link add name veth-a type veth peer name veth-b netns nstest',
                 'ip -n nstest link set dev veth-b addrgenmode none',
                 'ip addr add 10.0.0.2/24 dev veth-a',
                 'ip -n nstest link set dev lo up',
                 'ip -n nstest link set dev veth-b up',
                 'ip link set dev veth-a up',
                 'sysctl -w net.ipv4.ip_forward=1']
    }

    def "steps follow the kernel's order: namespaces, devices, addresses, links up, routes, sysctls, firewall, qdiscs, runs"() {
        when:
        def p = plan("""
            namespace 'a' { run 'sleep 1'; masquerade '10.0.0.0/24', out: 'x'; forward true
                            gateway '10.0.0.254'; veth 'x' peer 'b'; rate '1mbit'; ip '10.0.0.1/24' }
            namespace 'b'
        """)

        then:
        p.steps()*.phase() == p.steps()*.phase().toSorted()
        p.steps()*.phase().toUnique() == Phase.values() as List
    }

    def "a device stacked on another comes after its parent, whatever the script order"() {
        when:
        def cmds = commands(plan("namespace 'a' { macvlan 'mv0' on 'br0'; bridge 'br0' }"))

        then:
        cmds.indexOf('ip -n a link add name br0 type bridge') < cmds.indexOf('ip -n a link add name mv0 link br0 type macvlan mode bridge')
    }

    def "a macvlan from the host is made on the host's interface straight into its namespace, after the host's own devices"() {
        when: "the host's up0 is declared after the namespace whose macvlan sits on it"
        def p = plan("namespace 'a' { macvlan 'mv1' on 'up0', from: 'host'; ip '10.3.0.1/24' }\nnamespace 'w'\nhost { veth 'up0' peer 'w', name: 'lan0' }")
        def cmds = commands(p)
        def step = p.steps().find { it.command().argv().contains('macvlan') }

        then: 'one command in the root namespace, undone inside the namespace; up0 is only named'
        cmds.contains('ip link add name mv1 link up0 netns a type macvlan mode bridge')
        cmds.indexOf('ip link add name up0 type veth peer name lan0 netns w') < cmds.indexOf('ip link add name mv1 link up0 netns a type macvlan mode bridge')
        cmds.findAll { it.contains('up0') && !it.contains('mv1') } == ['ip link add name up0 type veth peer name lan0 netns w', 'ip link set dev up0 up']
        nslab.render.ShellQuoting.join(step.undo().argv()) == 'ip -n a link del dev mv1'
        step.effect().creates() == [new Effect.Device('a', 'mv1')]
        step.effect().on() == [new Effect.Device(null, 'up0')]
        step.explanation().contains('up0 itself is left as it is')
    }

    def "a lab with no macvlan from the host keeps the order of its namespaces"() {
        expect:
        commands(plan("namespace 'w'\nhost { veth 'up0' peer 'w', name: 'lan0' }\nnamespace 'a' { tap 't0' }")).findAll { it.contains('link add') || it.contains('tuntap') } ==
                ['ip link add name up0 type veth peer name lan0 netns w', 'ip -n a tuntap add dev t0 mode tap']
    }

    def "every step that creates something has an undo, and ip steps undo with ip"() {
        when:
        def p = plan(new File(nslab.LabFixtures.examples(), 'veth-nat-host-routes.groovy').text)

        then:
        p.steps().findAll { it.phase() in [Phase.NAMESPACES, Phase.ADDRESSES, Phase.ROUTES, Phase.FIREWALL] }.every { it.undo() != null }
        p.steps().find { it.command().argv() == ['ip', 'netns', 'add', 'nstest'] }.undo().argv() == ['ip', 'netns', 'del', 'nstest']
        p.steps().find { it.command().args().contains('MASQUERADE') }.undo().argv() ==
                ['iptables', '-t', 'nat', '-D', 'POSTROUTING', '-s', '10.0.0.0/24', '-o', 'uplink0', '-j', 'MASQUERADE']
        p.steps().find { it.command().argv() == ['ip', 'route', 'add', '10.0.0.3', 'dev', 'veth-a'] }.undo().argv() ==
                ['ip', 'route', 'del', '10.0.0.3', 'dev', 'veth-a']
    }

    def "each step knows its script line and says what it does"() {
        when:
        def p = plan("namespace 'a' {\n  tap 't0'\n  ip '10.0.0.1/24'\n}")

        then:
        p.steps().collect { [it.command().args()[0..1], it.source().line()] } == [
                [['netns', 'add'], 1], [['tuntap', 'add'], 2], [['link', 'set'], 2], [['addr', 'add'], 3], [['link', 'set'], 1], [['link', 'set'], 2]]
        p.steps().every { it.explanation() && !it.explanation().isBlank() }
    }

    def "the plan of example #example"() {
        when:
        def p = plan(new File(nslab.LabFixtures.examples(), example).text)
        def cmds = commands(p)

        then:
        cmds.containsAll(expected)
        cmds.count { it.startsWith('ip netns add ') } == namespaces

        where:
        example                        | namespaces | expected
        'server-gateway-client.groovy' | 3          | ['ip link add name svr-veth netns server type veth peer name svrgw-veth netns gateway',
                                                       'ip link add name cli-veth netns client type veth peer name cligw-veth netns gateway',
                                                       'ip netns exec gateway sysctl -w net.ipv4.ip_forward=1',
                                                       'ip -n client route add default via 10.0.100.254',
                                                       'ip -n server route add default via 192.168.100.254']
        'bridge.groovy'                | 3          | ['ip -n bridge link add name br type bridge', 'ip -n bridge link set dev bridge-net0 master br',
                                                       'ip link add name net1-bridge netns net1 type veth peer name bridge-net1 netns bridge']
        'tun-tap-macvlan.groovy'       | 6          | ['ip -n devices tuntap add dev tun0 mode tun', 'ip -n devices tuntap add dev tap0 mode tap',
                                                       'ip -n macs link add name mv1 link eth0 type macvlan mode bridge',
                                                       'ip -n devices link set dev tap0 master br-tap']
        'veth-nat-host-routes.groovy'  | 2          | ['ip link add name veth-a type veth peer name veth-b netns nstest', 'ip addr add 10.0.0.2 dev veth-a',
                                                       'ip -n nstest route add 10.0.0.2 dev veth-b', 'ip -n nstest route add default via 10.0.0.2',
                                                       'sysctl -w net.ipv4.ip_forward=1',
                                                       'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o uplink0 -j MASQUERADE']
        'veth-nat-gateway.groovy'      | 2          | ['ip link add name veth0 type veth peer name veth1 netns container001',
                                                       'ip -n container001 route add default via 192.168.8.1',
                                                       'iptables -t nat -A POSTROUTING -s 192.168.8.0/24 -o uplink0 -j MASQUERADE']
        'veth-pairs.groovy'            | 3          | ['ip -n single link add name veth0 type veth peer name veth1',
                                                       'ip netns exec single sysctl -w net.ipv4.conf.veth0.accept_local=1',
                                                       'ip link add name net1 netns net0 type veth peer name net0 netns net1']
    }
}
