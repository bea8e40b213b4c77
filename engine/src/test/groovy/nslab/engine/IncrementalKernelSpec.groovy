package nslab.engine

import spock.lang.Specification

/**
 * apply on a live lab: with the script unchanged it changes nothing; with a changed script it
 * applies only the difference — new objects added, dropped ones removed, changed addresses and
 * routes replaced — and leaves the rest alone (an untouched veth keeps its interface index, so it
 * was not re-created).
 */
class IncrementalKernelSpec extends Specification {
    static final String V1 = '''lab 'grow'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.1.0.1/24' }
namespace 'b' { dev 'b-a' { ip '10.1.0.2/24' } }
expect { reach 'a' to '10.1.0.2' }
'''
    static final String V2 = '''lab 'grow'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.1.0.1/24'; route '10.2.0.0/24' via '10.1.0.3' }
namespace 'b' {
    dev 'b-a' { ip '10.1.0.3/24' }
    forward true
    veth 'b-c' peer 'c', name: 'c-b'
    ip '10.2.0.1/24'
}
namespace 'c' { dev 'c-b' { ip '10.2.0.2/24' }; gateway '10.2.0.1' }
expect { reach 'a' to '10.1.0.3'; reach 'a' to 'c'; unreachable 'a' to '10.1.0.2' }
'''
    static final String V3 = '''lab 'grow'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.1.0.1/24'; route '10.3.0.0/24' via '10.1.0.3' }
namespace 'b' { dev 'b-a' { ip '10.1.0.3/24' } }
expect { reach 'a' to '10.1.0.3' }
'''

    def "re-applying an unchanged lab changes nothing; a changed one gets only the difference (#executor)"() {
        given:
        def lab = KernelSandbox.labFile(V1, 'grow')
        def v2 = KernelSandbox.labFile(V2, 'grow2')
        def v3 = KernelSandbox.labFile(V3, 'grow3')
        // what apply sets (indexes, names, addresses, routes), not what the kernel changes by itself
        // over time (carrier, link-local IPv6 addresses finishing DAD)
        def state = 'for n in a b c; do ip -n $n -o link show 2>/dev/null | cut -d: -f1,2; ip -n $n -o addr show scope global 2>/dev/null | awk \'{print $2, $4}\'; ip -n $n route show 2>/dev/null; done'

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
snapshot > /run/root.\$\$
echo "=== v1"; nslab apply ${lab.absolutePath}; echo "exit \$?"
$state > /run/s1.\$\$
ip -n a -o link show a-b | cut -d: -f1 > /run/index.\$\$
echo "=== again"; nslab apply ${lab.absolutePath}; echo "exit \$?"
$state > /run/s2.\$\$
echo "=== unchanged"; diff /run/s1.\$\$ /run/s2.\$\$ && echo same
cp ${v2.absolutePath} ${lab.absolutePath}
echo "=== v2"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== v2 index"; ip -n a -o link show a-b | cut -d: -f1 | diff - /run/index.\$\$ && echo same
echo "=== v2 addresses"; ip -n b -o addr show dev b-a
echo "=== v2 pings"; ip netns exec a ping -c1 -W1 10.2.0.2 >/dev/null && echo c-reached; ip netns exec a ping -c1 -W1 10.1.0.2 >/dev/null || echo old-gone
cp ${v3.absolutePath} ${lab.absolutePath}
echo "=== v3"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== v3 state"; ip netns list; ip -n a route show; ip netns exec b cat /proc/sys/net/ipv4/ip_forward
echo "=== v3 index"; ip -n a -o link show a-b | cut -d: -f1 | diff - /run/index.\$\$ && echo same
echo "=== destroy"; nslab destroy grow; echo "exit \$?"
echo "=== root"; snapshot | diff /run/root.\$\$ - && echo same
rm -f /run/*.\$\$
""")

        then: 'v1 is built'
        r.section('v1').contains('STATUS APPLIED')
        r.section('v1').endsWith('exit 0')

        and: 'applying it again is up to date and runs no command'
        r.section('again').contains('STATUS UP_TO_DATE')
        !r.section('again').contains('RAN ')
        !r.section('again').contains('UNDONE ')
        r.section('again').endsWith('exit 0')
        r.section('unchanged').trim() == 'same'

        and: 'v2 adds namespace c and its link, replaces the changed address, keeps the rest'
        def v2out = r.section('v2')
        v2out.contains('STATUS APPLIED')
        v2out.contains('RAN ip netns add c')
        v2out.contains('RAN ip link add name b-c netns b type veth peer name c-b netns c')
        v2out.contains('RAN ip -n a route add 10.2.0.0/24 via 10.1.0.3')
        v2out.contains('UNDONE ip -n b addr del 10.1.0.2/24 dev b-a')
        v2out.contains('RAN ip -n b addr add 10.1.0.3/24 dev b-a')
        !v2out.contains('RAN ip netns add a')
        !v2out.contains('RAN ip netns add b')
        !v2out.contains('RAN ip link add name a-b')
        !v2out.contains('RAN ip -n a addr add 10.1.0.1/24')
        v2out.endsWith('exit 0')
        r.section('v2 index').trim() == 'same'
        r.section('v2 addresses').contains('10.1.0.3/24')
        !r.section('v2 addresses').contains('10.1.0.2/24')
        r.section('v2 pings').readLines() == ['c-reached', 'old-gone']

        and: 'v3 drops namespace c and forwarding in b, and replaces the route'
        def v3out = r.section('v3')
        v3out.contains('UNDONE ip netns del c')
        v3out.contains('UNDONE ip -n a route del 10.2.0.0/24 via 10.1.0.3')
        v3out.contains('RAN ip -n a route add 10.3.0.0/24 via 10.1.0.3')
        v3out.contains('UNDONE ip netns exec b sysctl -w net.ipv4.ip_forward=0')
        !v3out.contains('RAN ip netns add')
        v3out.endsWith('exit 0')
        def v3state = r.section('v3 state').readLines()*.trim()
        !v3state.contains('c')
        v3state.contains('10.3.0.0/24 via 10.1.0.3 dev a-b')
        !v3state.any { it.startsWith('10.2.0.0/24') }
        v3state.last() == '0'   // b forwards no more
        r.section('v3 index').trim() == 'same'

        and: 'destroy leaves the root namespace as it was'
        r.section('destroy').endsWith('exit 0')
        r.section('root').trim() == 'same'

        where:
        executor << ExecutorChoice.Kind.values()*.name()
    }

    def "a namespace deleted by hand is built again by the next apply, and only it (#executor)"() {
        given:
        def lab = KernelSandbox.labFile(V1, 'again')

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
echo "=== v1"; nslab apply ${lab.absolutePath}; echo "exit \$?"
ip netns del b
echo "=== again"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== state"; ip netns list | cut -d' ' -f1 | sort; ip -n b -o addr show scope global | awk '{print \$2, \$4}'
""")

        then:
        r.section('v1').endsWith('exit 0')
        def again = r.section('again')
        again.contains('STATUS APPLIED')
        again.contains('RAN ip netns add b')
        again.contains('RAN ip link add name a-b netns a type veth peer name b-a netns b')  // the veth died with b
        again.contains('RAN ip -n a addr add 10.1.0.1/24 dev a-b')
        !again.contains('RAN ip netns add a')
        again.contains('CHECK a 10.1.0.2 ok')
        again.endsWith('exit 0')
        r.section('state').readLines()*.trim() == ['a', 'b', 'b-a 10.1.0.2/24']

        where:
        executor << ExecutorChoice.Kind.values()*.name()
    }

    def "a changed address keeps the routes of its namespace, which the kernel drops with the old one (#executor)"() {
        given: 'client reaches server through a gateway; then the client gets another address'
        def v1 = KernelSandbox.labFile(SGC, 'moved')
        def v2 = KernelSandbox.labFile(SGC.replace("ip '10.0.100.1/24'", "ip '10.0.100.7/24'"), 'moved2')

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
echo "=== v1"; nslab apply ${v1.absolutePath}; echo "exit \$?"
cp ${v2.absolutePath} ${v1.absolutePath}
echo "=== v2"; nslab apply ${v1.absolutePath}; echo "exit \$?"
echo "=== routes"; ip -n client route show
echo "=== ping"; ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null && echo reached
""")

        then: 'the default route came down before the address and went back up after the new one'
        r.section('v1').endsWith('exit 0')
        def v2out = r.section('v2')
        v2out.contains('UNDONE ip -n client route del default via 10.0.100.254')
        v2out.contains('UNDONE ip -n client addr del 10.0.100.1/24 dev cli-veth')
        v2out.contains('RAN ip -n client addr add 10.0.100.7/24 dev cli-veth')
        v2out.contains('RAN ip -n client route add default via 10.0.100.254')
        v2out.contains('CHECK client server ok')
        v2out.endsWith('exit 0')

        and: 'the kernel agrees'
        r.section('routes').contains('default via 10.0.100.254 dev cli-veth')
        r.section('ping').trim() == 'reached'

        where:
        executor << ExecutorChoice.Kind.values()*.name()
    }

    static final String SGC = '''lab 'moved'
namespace 'server' { veth 'svr' peer 'gw', name: 'gw-svr'; ip '192.168.100.1/24'; gateway '192.168.100.254' }
namespace 'client' { veth 'cli-veth' peer 'gw', name: 'gw-cli'; ip '10.0.100.1/24'; gateway '10.0.100.254' }
namespace 'gw' { forward true; dev 'gw-svr' { ip '192.168.100.254/24' }; dev 'gw-cli' { ip '10.0.100.254/24' } }
expect { reach 'client' to 'server' }
'''
}
