package nslab.plan

import spock.lang.Specification

import static nslab.LabFixtures.compile

/**
 * The routing words (ospf, bgp with neighbor and network, frr, converged): their mistakes in the
 * user's names, the FRR configuration and start commands the plan shows, and the routes a
 * converged lab is waited for.
 */
class RoutingDaemonsSpec extends Specification {

    static final String TRIANGLE = '''\
link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0, cost: 20 }
namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0, interfaces: ['r1'] }
expect { converged within: '30s' }
'''

    static final String TWO_AS = '''\
link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']
namespace 'a' {
    veth 'lan' peer 'a', name: 'lan-peer'; ip '10.1.0.1/24'
    bgp asn: 65001
    neighbor '10.0.0.2', asn: 65002
    network '10.1.0.0/24'
}
namespace 'b' {
    veth 'lan' peer 'b', name: 'lan-peer'; ip '10.2.0.1/24'
    bgp(asn: 65002) {
        neighbor '10.0.0.1', asn: 65001
        network '10.2.0.0/24'
    }
}
'''

    def "ospf writes one frr.conf per namespace, point-to-point on veth cables, lo as router id and passive"() {
        when:
        def c = compile(TRIANGLE)
        def r1 = c.plan().steps().findAll { it.namespace() == 'r1' && it.phase() == Phase.RUN }
        def script = r1[0].command().args()[0]

        then:
        c.ok()
        r1.size() == 2
        r1.every { it.background() && it.command().tool() == Tool.RUN }
        script.contains('d="${NSLAB_RUN_DIR:-/run/nslab}/frr/r1"')
        script.contains('hostname r1\n')
        script.contains('interface r2\n ip ospf area 0\n ip ospf network point-to-point\n ip ospf hello-interval 1\n ip ospf dead-interval 4\nexit\n')
        script.contains('interface lo\n ip ospf area 0\n ip ospf passive\n')
        script.contains('router ospf\n ospf router-id 1.1.1.1\n')
        script.contains('exec /usr/lib/frr/zebra -f "$d/frr.conf" -i "$d/zebra.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty')
        r1[1].command().args()[0].contains('until [ -S "$d/zserv.api" ]')
        r1[1].command().args()[0].contains('exec /usr/lib/frr/ospfd -f "$d/frr.conf" -i "$d/ospfd.pid"')
        !script.contains('/etc/frr') && !script.contains('/var/run/frr')

        and: 'cost and interfaces as written'
        stepsOf(c, 'r2')[0].command().args()[0].contains(' ip ospf cost 20\n')
        !stepsOf(c, 'r3')[0].command().args()[0].contains('interface r2\n')
        stepsOf(c, 'r3')[0].command().args()[0].contains('interface r1\n')

        and: 'explain says what each configuration line does'
        r1[0].explanation().contains('ip ospf network point-to-point: a veth cable has exactly one neighbour')
        r1[0].source().line() == 4
    }

    def "the routes each router waits for: every other router's networks and loopbacks over OSPF cables"() {
        when:
        def routes = DaemonRoutes.of(compile(TRIANGLE).lab())

        then:
        routes['r1'] as Set == [new DaemonRoutes.Expected('2.2.2.2/32', 'ospf'), new DaemonRoutes.Expected('3.3.3.3/32', 'ospf'),
                                new DaemonRoutes.Expected('10.0.23.0/30', 'ospf')] as Set
        // r3 runs OSPF on its cable to r1 only: its cable to r2 is no OSPF network, and r2 is reached through r1
        routes['r3'] as Set == [new DaemonRoutes.Expected('1.1.1.1/32', 'ospf'), new DaemonRoutes.Expected('2.2.2.2/32', 'ospf'),
                                new DaemonRoutes.Expected('10.0.12.0/30', 'ospf')] as Set
    }

    def "bgp with neighbor and network, at namespace level or in its block"() {
        when:
        def c = compile(TWO_AS)
        def a = stepsOf(c, 'a')
        def b = stepsOf(c, 'b')

        then:
        c.ok()
        a[0].command().args()[0].contains('router bgp 65001\n no bgp ebgp-requires-policy\n neighbor 10.0.0.2 remote-as 65002\n address-family ipv4 unicast\n  network 10.1.0.0/24\n exit-address-family\n')
        b[0].command().args()[0].contains('router bgp 65002\n')
        b[0].command().args()[0].contains('  network 10.2.0.0/24\n')
        a[1].command().args()[0].contains('/usr/lib/frr/bgpd')
        DaemonRoutes.of(c.lab())['a'] == [new DaemonRoutes.Expected('10.2.0.0/24', 'bgp')]
        DaemonRoutes.of(c.lab())['b'] == [new DaemonRoutes.Expected('10.1.0.0/24', 'bgp')]
    }

    def "frr adds raw configuration as written and starts the daemons it names"() {
        when:
        def c = compile("link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { frr '''router rip\n network 10.0.0.0/8''' }\nnamespace 'b'")
        def a = stepsOf(c, 'a')

        then:
        c.ok()
        a[0].command().args()[0].contains('router rip\n network 10.0.0.0/8\n')
        a.size() == 2
        a[1].command().args()[0].contains('/usr/lib/frr/ripd')
    }

    def "#what is reported at line #line"() {
        when:
        def c = compile(script, 'labs/bad.groovy')
        def error = c.errors().find { it.message().contains(message) }

        then:
        !c.ok()
        error != null
        error.source().line() == line
        error.hint().contains(hint)

        where:
        what                           | line | message                                                    | hint                                   | script
        'ospf without area'            | 2    | 'ospf needs its area'                                      | 'ospf area: 0'                         | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { ospf interfaces: ['b'] }\nnamespace 'b'"
        'an unknown ospf interface'    | 2    | "ospf in a names interface 'eht0', which a does not have"  | "did you mean 'eth0'?"                 | "namespace 'a' { veth 'eth0' peer 'b'; ip '10.0.0.1/30' }\nnamespace 'a' { ospf area: 0, interfaces: ['eht0'] }\nnamespace 'b'"
        'ospf with no address'         | 1    | 'ospf in a has no interface with an IPv4 address'          | "ip '10.0.0.1/30'"                     | "namespace 'a' { ospf area: 0 }"
        'an area out of range'         | 2    | 'ospf area 4294967296 is not a whole number'               | 'ospf area: 0'                         | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { ospf area: 4294967296 }\nnamespace 'b'"
        'a cost of zero'               | 2    | 'ospf cost 0 is not a whole number from 1 to 65535'        | 'cost: 10'                             | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { ospf area: 0, cost: 0 }\nnamespace 'b'"
        'a misspelt key'               | 2    | "'ospf' has no named argument 'aera:'"                     | "did you mean 'area:'?"                | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { ospf aera: 0 }\nnamespace 'b'"
        'neighbor before bgp'          | 3    | "neighbor '10.0.0.2', asn: 65002 belongs to a bgp"         | 'bgp asn: 65001 before it'             | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' {\n neighbor '10.0.0.2', asn: 65002\n}\nnamespace 'b'"
        'a neighbor without asn'       | 3    | "neighbor '10.0.0.2' needs the AS number of the peer"      | "neighbor '10.0.0.2', asn: 65002"      | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { bgp asn: 65001\n neighbor '10.0.0.2'\n}\nnamespace 'b'"
        'a neighbor that is a prefix'  | 3    | "neighbor '10.0.0.2/30' in a is not an address"            | "neighbor '10.0.0.2', asn: 65002"      | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { bgp asn: 65001\n neighbor '10.0.0.2/30', asn: 65002\n}\nnamespace 'b'"
        'bgp with no neighbor'         | 2    | 'bgp in a has no neighbor'                                 | "neighbor '10.0.0.2', asn: 65002"      | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { bgp asn: 65001 }\nnamespace 'b'"
        'a network with host bits'     | 4    | "network '10.1.0.1/24' in a has host bits set"             | "network '10.1.0.0/24'"                | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { bgp asn: 65001\n neighbor '10.0.0.2', asn: 65002\n network '10.1.0.1/24'\n}\nnamespace 'b'"
        'an AS number of zero'         | 2    | 'bgp asn 0 is not a whole number from 1 to 4294967295'     | 'bgp asn: 65001'                       | "link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']\nnamespace 'a' { bgp asn: 0; neighbor '10.0.0.2', asn: 65002 }\nnamespace 'b'"
        'daemons in the host'          | 1    | 'routing daemons run in lab namespaces, not in the host'   | "move ospf, bgp or frr into a namespace" | "host { frr '''router rip''' }"
        'converged with no daemon'     | 2    | 'converged waits for routing daemons, and no namespace runs one' | 'ospf area: 0'                   | "namespace 'a'\nexpect { converged within: '30s' }"
        'a time nslab cannot read'     | 2    | "converged within: '30 seconds' is not a time nslab reads" | "converged within: '30s'"              | "namespace 'a' { frr '''router rip''' }\nexpect { converged within: '30 seconds' }"
    }

    private static List<Step> stepsOf(c, String ns) {
        c.plan().steps().findAll { it.namespace() == ns && it.phase() == Phase.RUN }
    }
}
