package nslab.engine

import spock.lang.Specification

/**
 * A live lab changed behind nslab's back with plain ip and sysctl (a link taken down, which takes
 * its routes along; a route deleted; forwarding turned off; an address added) is named for what
 * it is, apply puts back what the script declares and journals it, and a real ping then answers;
 * on both executors.
 */
class DriftKernelSpec extends Specification {
    static File example() {
        def f = new File('examples/server-gateway-client.groovy')
        f.exists() ? f : new File('../examples/server-gateway-client.groovy')
    }

    def "drift is named and put back by apply (#executor executor)"() {
        given:
        def lab = example().absolutePath

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
nslab apply $lab >/dev/null
echo "=== none"; nslab drift server-gateway-client
ip -n client link set dev cli-veth down
ip -n server route del default
ip netns exec gateway sysctl -qw net.ipv4.ip_forward=0
ip -n server addr add 10.9.9.9/32 dev svr-veth
ip -n client link set dev cli-veth up
ip -n client link set dev lo down
echo "=== ping before"; ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1 && echo answered || echo "no answer"
echo "=== drift"; nslab drift server-gateway-client
echo "=== apply"; nslab apply $lab; echo "exit \$?"
echo "=== after"; nslab drift server-gateway-client
echo "=== ping after"; ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1 && echo answered || echo "no answer"
echo "=== again"; nslab apply $lab | head -1
""")
        def drift = r.section('drift').readLines()

        then: 'a lab just applied has no drift'
        r.section('none') == ''

        and: 'the real ping fails while the lab is drifted'
        r.section('ping before') == 'no answer'

        and: 'each change is named: the routes the link took along, the route, the sysctl, lo down, the extra address'
        drift.containsAll([
                'DRIFT ROUTE_MISSING client default true',
                'DRIFT ROUTE_MISSING server default true',
                'DRIFT SYSCTL_DIFFERS gateway net.ipv4.ip_forward true',
                'DRIFT DOWN client lo true',
                'DRIFT EXTRA_ADDRESS server 10.9.9.9/32 on svr-veth false'])
        drift.size() == 5

        and: 'apply puts back what the script declares, as steps it ran, and the expectations hold'
        def applied = r.section('apply')
        applied.contains('STATUS APPLIED')
        ['RAN ip -n client route add default via 10.0.100.254', 'RAN ip -n server route add default via 192.168.100.254',
         'RAN ip netns exec gateway sysctl -w net.ipv4.ip_forward=1', 'RAN ip -n client link set dev lo up'].every { applied.contains(it) }
        applied.readLines().count { it.startsWith('RAN ') } == 4
        applied.readLines().findAll { it.startsWith('CHECK ') }.every { it.endsWith(' ok') }
        applied.endsWith('exit 0')

        and: 'only what the script does not declare is left, the real ping answers, and a second apply has nothing to do'
        r.section('after') == 'DRIFT EXTRA_ADDRESS server 10.9.9.9/32 on svr-veth false'
        r.section('ping after') == 'answered'
        r.section('again') == 'STATUS UP_TO_DATE'

        where:
        executor << ['ip', 'netlink']
    }

    def "an interface taken down is named DOWN and brought up again with its routes"() {
        given:
        def lab = example().absolutePath

        when:
        def r = KernelSandbox.run("""
nslab apply $lab >/dev/null
ip -n client link set dev cli-veth down
echo "=== drift"; nslab drift server-gateway-client
echo "=== apply"; nslab apply $lab | grep -c '^RAN '
echo "=== ping"; ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1 && echo answered || echo "no answer"
""")

        then:
        r.section('drift').readLines() as Set == ['DRIFT DOWN client cli-veth true', 'DRIFT ROUTE_MISSING client default true'] as Set
        r.section('apply') == '2'
        r.section('ping') == 'answered'
    }
}
