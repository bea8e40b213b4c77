package nslab.engine

import spock.lang.IgnoreIf
import spock.lang.Specification

/**
 * Labs that run FRR's routing daemons, applied through the engine in a sandbox that maps every
 * user and group (FRR needs its group frrvty): OSPF, BGP and raw RIP converge, the kernel's routes
 * carry the daemon's protocol and pings cross them, and destroy leaves no daemon and no file.
 */
@IgnoreIf({ !new File('/usr/lib/frr/zebra').canExecute() || ['id', '-u'].execute().text.trim() != '0' })
class RoutingKernelSpec extends Specification {

    static final String TRIANGLE = '''\
link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
expect {
    converged within: '40s'
    reach 'r1' to '3.3.3.3'
    reach 'r3' to '2.2.2.2'
}
'''

    static final String TWO_AS = '''\
link 'a', 'b', ips: ['10.0.0.1/30', '10.0.0.2/30']
namespace 'a' {
    ip '10.1.0.1/24', dev: 'lo'
    forward true
    bgp asn: 65001
    neighbor '10.0.0.2', asn: 65002
    network '10.1.0.0/24'
}
namespace 'b' {
    ip '10.2.0.1/24', dev: 'lo'
    forward true
    bgp(asn: 65002) {
        neighbor '10.0.0.1', asn: 65001
        network '10.2.0.0/24'
    }
}
expect { converged within: '60s' }
'''

    static final String RIP = """\
link 'a', 'b', ips: ['10.0.12.1/30', '10.0.12.2/30']
link 'b', 'c', ips: ['10.0.23.1/30', '10.0.23.2/30']
namespace 'a' { forward true; frr '''router rip\\n network 10.0.0.0/8''' }
namespace 'b' { forward true; frr '''router rip\\n network 10.0.0.0/8''' }
namespace 'c' { forward true; frr '''router rip\\n network 10.0.0.0/8''' }
expect { converged within: '60s' }
"""

    /** No FRR daemon left in the sandbox, and nothing of the lab in the run directory but its lock. */
    static final String LEFT = '''
echo "=== left"
for p in /proc/[0-9]*; do c=$(tr '\\0' ' ' <$p/cmdline 2>/dev/null); case "$c" in */usr/lib/frr/*) echo "process $c";; esac; done
find /run/nslab -mindepth 1 ! -name '*.lock' | sed 's/^/file /'
echo "=== end"
'''

    def "an OSPF triangle converges, pings loopback to loopback, reroutes around a cut cable, and destroy leaves nothing"() {
        given:
        def file = KernelSandbox.labFile(TRIANGLE, 'triangle')

        when:
        def r = KernelSandbox.runAllUsers("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== routes"; ip -n r1 route show proto ospf
echo "=== files"; ls /run/nslab/frr/r1
echo "=== ping"; ip netns exec r1 ping -c 1 -W 2 -I 1.1.1.1 3.3.3.3 >/dev/null && echo reached
echo "=== cut"; ip -n r1 link set dev r2 down
# both ends reroute (r2 too, for the answer): polled by pinging until one is answered, for 20 s at most
i=0; until ip netns exec r1 ping -c 1 -W 1 -I 1.1.1.1 2.2.2.2 >/dev/null; do i=\$((i+1)); [ \$i -lt 20 ] || break; done
[ \$i -lt 20 ] && echo reached
ip -n r1 route show 2.2.2.2 proto ospf
echo "=== destroy"; nslab destroy triangle; echo "exit \$?"
$LEFT""")

        then: 'apply waited for the daemons and every expectation held'
        r.section('apply').contains('STATUS APPLIED')
        ['r1', 'r2', 'r3'].every { r.section('apply').contains("CHECK $it converged ok") }
        r.section('apply').contains('CHECK r1 3.3.3.3 ok')
        r.section('apply').endsWith('exit 0')

        and: 'the kernel has OSPF routes to the other loopbacks, and the instance files are under the run directory'
        r.section('routes').contains('2.2.2.2')
        r.section('routes').contains('3.3.3.3')
        r.section('files').readLines().containsAll(['frr.conf', 'zebra.pid', 'ospfd.pid', 'zserv.api', 'zebra.vty', 'ospfd.vty'])
        r.section('ping').trim() == 'reached'

        and: 'with the cable to r2 down, r1 reaches r2 through r3'
        r.section('cut').contains('dev r3')
        r.section('cut').contains('reached')

        and: 'destroy stopped every daemon and removed every file'
        r.section('destroy').endsWith('exit 0')
        r.section('left').trim() == ''
    }

    def "two ASes exchange their networks over BGP"() {
        given:
        def file = KernelSandbox.labFile(TWO_AS, 'two-as')

        when:
        def r = KernelSandbox.runAllUsers("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== routes"; ip -n a route show proto bgp; ip -n b route show proto bgp
echo "=== ping"; ip netns exec a ping -c 1 -W 2 -I 10.1.0.1 10.2.0.1 >/dev/null && echo reached
echo "=== destroy"; nslab destroy two-as; echo "exit \$?"
$LEFT""")

        then:
        r.section('apply').contains('CHECK a converged ok')
        r.section('apply').contains('CHECK b converged ok')
        r.section('apply').endsWith('exit 0')
        r.section('routes').contains('10.2.0.0/24 nhid')
        r.section('routes').contains('10.1.0.0/24 nhid')
        r.section('ping').trim() == 'reached'
        r.section('destroy').endsWith('exit 0')
        r.section('left').trim() == ''
    }

    def "a raw frr block of RIP starts ripd, and the line converges"() {
        given:
        def file = KernelSandbox.labFile(RIP, 'rip')

        when:
        def r = KernelSandbox.runAllUsers("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== routes"; ip -n a route show proto rip
echo "=== ping"; ip netns exec a ping -c 1 -W 2 10.0.23.2 >/dev/null && echo reached
echo "=== destroy"; nslab destroy rip; echo "exit \$?"
$LEFT""")

        then:
        ['a', 'b', 'c'].every { r.section('apply').contains("CHECK $it converged ok") }
        r.section('routes').contains('10.0.23.0/30')
        r.section('ping').trim() == 'reached'
        r.section('destroy').endsWith('exit 0')
        r.section('left').trim() == ''
    }

    def "a lab that cannot converge times out naming the routes each router lacks and what its daemon says"() {
        given: 'two routers whose cable is in area 0 on one end and area 1 on the other: OSPF forms no adjacency'
        def file = KernelSandbox.labFile('''\
link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; ospf area: 0 }
namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; ospf area: 1 }
expect { converged within: '6s' }
''', 'areas')

        when:
        def r = KernelSandbox.runAllUsers("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== ping"; ip netns exec r1 ping -c 1 -W 1 -I 1.1.1.1 2.2.2.2 >/dev/null && echo reached || echo unanswered
echo "=== destroy"; nslab destroy areas; echo "exit \$?"
$LEFT""")

        then: 'the verdict agrees with a real ping, names the missing route, and shows ospfd has no neighbour'
        r.section('apply').contains('CHECK r1 converged FAILED')
        r.section('apply').contains('r1 has no route to 2.2.2.2/32 (ospf)')
        r.section('apply').contains("ospf in r1 ('show ip ospf neighbor'): no OSPF neighbour at all")
        !r.section('apply').contains('Full/')
        r.section('ping').trim() == 'unanswered'
        r.section('destroy').endsWith('exit 0')
        r.section('left').trim() == ''
    }

    def "a sandbox that maps root alone is refused before anything is made, naming the group FRR needs"() {
        given:
        def file = KernelSandbox.labFile(TRIANGLE, 'triangle')

        when:
        def r = KernelSandbox.run("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== netns"; ip netns list
""")

        then:
        r.section('apply').contains('REFUSED')
        r.section('apply').contains('frrvty')
        r.section('netns').trim() == ''
    }
}
