package nslab.engine

import spock.lang.Specification
import spock.lang.TempDir

/**
 * What a step leaves in the root namespace decides what status lists as the lab's host changes,
 * and what vanishes with what decides what an undo can leave out; both read the planner's effects.
 */
class FootprintSpec extends Specification {
    @TempDir File runDir

    static final String LAB = '''lab 'fp'
namespace 'a' { veth 'v0' peer 'b', name: 'v1'; ip '10.0.0.1/24'; bridge 'br0'; macvlan 'mv0' on 'v0' }
namespace 'b' { dev 'v1' { ip '10.0.0.2/24' }; gateway '10.0.0.1' }
host { veth 'h0' peer 'a', name: 'a0'; ip '10.9.0.1/24'; bridge 'hb0'; masquerade '10.0.0.0/24', out: 'h0' }
'''

    def "'#line' leaves the root namespace untouched: #untouched"() {
        given:
        def step = Labs.plan(LAB).steps().find { it.command().argv().join(' ') == line }

        expect:
        step != null
        Footprint.onlyCreatesInNamespaces(step) == untouched

        where:
        line                                                                         || untouched
        'ip netns add a'                                                             || true
        'ip link add name v0 netns a type veth peer name v1 netns b'                 || true
        'ip link add name h0 type veth peer name a0 netns a'                         || false
        'ip link add name hb0 type bridge'                                           || false
        'ip addr add 10.9.0.1/24 dev h0'                                             || false
        'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o h0 -j MASQUERADE'     || false
    }

    def "deleting namespace #gone takes along #vanish of the other steps"() {
        given:
        def plan = Labs.plan(LAB)
        def j = Journal.open(runDir.toPath(), 'fp')
        def entries = j.begin(plan.steps())
        def seed = entries.findAll { it.effect().createdNamespace() == gone }

        when:
        def taken = Footprint.withAll(entries, seed) - seed

        then:
        taken.collect { it.step.command().argv().join(' ') }.sort() == vanish.sort()

        where:
        gone || vanish
        'b'  || ['ip link add name v0 netns a type veth peer name v1 netns b', 'ip -n b link set dev lo up',
                 'ip -n b addr add 10.0.0.2/24 dev v1', 'ip -n b link set dev v1 up',
                 'ip -n b route add default via 10.0.0.1',
                 // v0 goes with its peer's namespace, and with it what hangs on v0
                 'ip -n a addr add 10.0.0.1/24 dev v0', 'ip -n a link set dev v0 up',
                 'ip -n a link add name mv0 link v0 type macvlan mode bridge', 'ip -n a link set dev mv0 up',
                 // each interface of a namespace without IPv6 is set to make no IPv6 address
                 'ip -n b link set dev v1 addrgenmode none', 'ip -n a link set dev v0 addrgenmode none',
                 'ip -n a link set dev mv0 addrgenmode none']
    }
}
