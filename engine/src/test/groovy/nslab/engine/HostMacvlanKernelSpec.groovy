package nslab.engine

import spock.lang.Specification

/**
 * Seed 001's MACVLAN picture: a macvlan made on an interface of the host and moved into a
 * namespace ({@code macvlan 'mv1' on 'up0', from: 'host'}). In a sandbox the host is the
 * sandbox's root namespace; its up0 (one end of a veth pair the test makes, since this kernel may
 * lack dummy) is not the lab's. Two namespaces, each with a macvlan on up0, ping each other through
 * it; taking one macvlan out of the script deletes just that one, destroy removes the rest, and
 * up0 is as it was, on both executors.
 */
class HostMacvlanKernelSpec extends Specification {
    static final String LAB = '''lab 'host-macvlan'
namespace 'a' {
    macvlan 'mv1' on 'up0', from: 'host'
    ip '10.3.0.1/24'
}
namespace 'b' {
    macvlan 'mv2', mode: 'bridge', from: 'host' on 'up0'
    ip '10.3.0.2/24'
}
expect {
    reach 'a' to 'b'
    reach 'b' to 'a'
}
'''
    /** The same lab with b's macvlan taken out: b stays, empty. */
    static final String ONE_LESS = LAB.replace("    macvlan 'mv2', mode: 'bridge', from: 'host' on 'up0'\n    ip '10.3.0.2/24'\n", '')
            .replaceFirst(/(?s)expect \{.*/, '')

    static String ping(String from, String to) {
        "r=unreached; for t in 1 2 3; do if ip netns exec $from ping -c 1 -W 1 $to >/dev/null 2>&1; then r=reached; break; fi; done; echo \"PING $from $to \$r\""
    }

    def "two namespaces with a macvlan each on the host's up0 ping each other; up0 is never changed (#executor)"() {
        given:
        def file = KernelSandbox.labFile(LAB, 'host-macvlan')
        def oneLess = new File(file.parentFile, 'one-less.txt').tap { text = ONE_LESS; deleteOnExit() }

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
# no IPv6 link-local addresses, whose duplicate detection would change them while the test looks
ip link add up0 type veth peer name up1 && ip link set up0 addrgenmode none && ip link set up1 addrgenmode none
ip link set up1 up && ip link set up0 up
# the carrier comes a moment later: the snapshot must not catch the pair on its way up
n=0; until ip -o link show dev up0 | grep -q 'state UP' && ip -o link show dev up1 | grep -q 'state UP' || [ \$n -ge 200 ]; do sleep 0.01; n=\$((n + 1)); done
parent() { ip -d -o link show dev up0 | sed 's/^[0-9]*: //'; ip -o addr show dev up0; }
snapshot > /run/before.\$\$; parent > /run/parent.\$\$
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== made"; ip -n a -d -o link show dev mv1; ip -n b -d -o link show dev mv2
echo "=== pings"
${ping('a', '10.3.0.2')}
${ping('b', '10.3.0.1')}
echo "=== one less"; cp ${oneLess.absolutePath} ${file.absolutePath}; nslab apply ${file.absolutePath}; echo "exit \$?"
ip -n b -o link show dev mv2 >/dev/null 2>&1 && echo "mv2 still there" || echo "mv2 gone"
ip -n a -o link show dev mv1 >/dev/null 2>&1 && echo "mv1 still there"
ip netns list | grep -qx b && echo "b still there"
echo "=== destroy"; nslab destroy host-macvlan; echo "exit \$?"
echo "=== parent"; parent | diff /run/parent.\$\$ - && echo untouched
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/before.\$\$ /run/after.\$\$ /run/parent.\$\$
""")

        then: 'both macvlans were made on up0, each in its namespace'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').endsWith('exit 0')
        r.section('made').readLines().findAll { it =~ /^\d+: mv[12]@if\d+: .* macvlan mode bridge/ }.size() == 2

        and: 'plain ping goes across, through the host interface'
        r.section('pings').readLines() == ['PING a 10.3.0.2 reached', 'PING b 10.3.0.1 reached']

        and: "taking b's macvlan out of the script deletes that one only"
        r.section('one less').readLines().containsAll(['exit 0', 'mv2 gone', 'mv1 still there', 'b still there'])

        and: 'destroy removed the rest and left up0 exactly as it was'
        r.section('destroy').endsWith('exit 0')
        r.section('parent').trim() == 'untouched'
        r.section('diff').trim() == 'same'

        where:
        executor << ['netlink', 'ip']
    }

    def "a host parent the machine does not have: apply says which, with the interfaces it has, and changes nothing"() {
        given:
        def file = KernelSandbox.labFile(LAB.replace("on 'up0', from: 'host'\n    ip '10.3.0.1/24'", "on 'upO', from: 'host'\n    ip '10.3.0.1/24'"), 'host-macvlan')

        when:
        def r = KernelSandbox.run("""
ip link add up0 type veth peer name up1
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/before.\$\$ /run/after.\$\$
""")

        then:
        r.section('apply').contains("${file.absolutePath}:3: mv1 sits on the host's interface upO, which this machine does not have (did you mean 'up0'?)")
        r.section('apply').contains('nothing was changed')
        r.section('apply').endsWith('exit 3')
        r.section('diff').trim() == 'same'
    }
}
