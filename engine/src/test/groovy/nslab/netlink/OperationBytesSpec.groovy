package nslab.netlink

import nslab.plan.BridgeLink
import nslab.plan.LinkChange
import nslab.plan.MacvlanLink
import nslab.plan.Operation
import nslab.plan.VethLink
import nslab.plan.VlanLink
import nslab.plan.VxlanLink
import spock.lang.Specification

/**
 * Each ip operation the planner makes becomes, byte for byte, the rtnetlink message that
 * iproute2 6.1 sends for the line the operation prints (reference bytes recorded with strace, in
 * the test resources): the printed line and the request are of one operation.
 */
class OperationBytesSpec extends Specification {

    static Map<String, String> reference() {
        OperationBytesSpec.getResource('iproute2-6.1-sends.txt').readLines()
                .findAll { it && !it.startsWith('#') }
                .collect { it.split('\\|') as List }
                .collectEntries { [(it[0]): it[1]] }
    }

    static Operation.SetLink set(String dev, LinkChange c) { new Operation.SetLink('a', dev, c) }

    /** The operation for each reference line, made as the planner makes it. */
    static final Map<String, Operation> OPERATIONS = [
            'link add name br0 type bridge'                       : new Operation.AddLink('a', 'br0', null, new BridgeLink()),
            'link add name v1 netns a type veth peer name v2 netns b': new Operation.AddLink(null, 'v1', 'a', new VethLink('v2', 'b', 'b')),
            'link set dev v1 master br0'                          : set('v1', new LinkChange.Master('br0')),
            'link set dev v1 nomaster'                            : set('v1', new LinkChange.NoMaster()),
            'link set dev v1 mtu 1400'                            : set('v1', new LinkChange.Mtu(1400)),
            'link set dev v1 address 02:00:00:00:00:01'           : set('v1', new LinkChange.Mac('02:00:00:00:00:01')),
            'link set dev v1 up'                                  : set('v1', new LinkChange.Up()),
            'link set dev v1 down'                                : set('v1', new LinkChange.Down()),
            'link set dev lo up'                                  : set('lo', new LinkChange.Up()),
            'addr add 10.0.0.1/24 dev v1'                         : new Operation.AddAddress('a', 'v1', '10.0.0.1/24', false),
            'addr add fd00::1/64 dev v1 nodad'                    : new Operation.AddAddress('a', 'v1', 'fd00::1/64', true),
            'addr del 10.0.0.1/24 dev v1'                         : new Operation.DeleteAddress('a', 'v1', '10.0.0.1/24'),
            'addr del fd00::1/64 dev v1'                          : new Operation.DeleteAddress('a', 'v1', 'fd00::1/64'),
            'addr add 10.0.0.9/32 dev v1'                         : new Operation.AddAddress('a', 'v1', '10.0.0.9/32', false),
            'route add 10.9.0.0/16 via 10.0.0.2'                  : new Operation.AddRoute('a', '10.9.0.0/16', '10.0.0.2', null),
            'route add 10.8.0.0/16 dev v1'                        : new Operation.AddRoute('a', '10.8.0.0/16', null, 'v1'),
            'route add 10.8.1.1 dev v1'                           : new Operation.AddRoute('a', '10.8.1.1', null, 'v1'),
            'route add default via 10.0.0.254 dev v1'             : new Operation.AddRoute('a', 'default', '10.0.0.254', 'v1'),
            'route add 10.6.0.0/16 via 10.0.0.3 dev v1'           : new Operation.AddRoute('a', '10.6.0.0/16', '10.0.0.3', 'v1'),
            '-6 route add fd01::/64 via fd00::2'                  : new Operation.AddRoute('a', 'fd01::/64', 'fd00::2', null),
            '-6 route add fd02::/64 dev v1'                       : new Operation.AddRoute('a', 'fd02::/64', null, 'v1'),
            '-6 route add default via fd00::fe dev v1'            : new Operation.AddRoute('a', 'default', 'fd00::fe', 'v1'),
            'route del 10.9.0.0/16 via 10.0.0.2'                  : new Operation.DeleteRoute('a', '10.9.0.0/16', '10.0.0.2', null),
            'route del 10.8.0.0/16 dev v1'                        : new Operation.DeleteRoute('a', '10.8.0.0/16', null, 'v1'),
            'route del default via 10.0.0.254 dev v1'             : new Operation.DeleteRoute('a', 'default', '10.0.0.254', 'v1'),
            '-6 route del fd01::/64 via fd00::2'                  : new Operation.DeleteRoute('a', 'fd01::/64', 'fd00::2', null),
            '-6 route del default via fd00::fe dev v1'            : new Operation.DeleteRoute('a', 'default', 'fd00::fe', 'v1'),
            'link add name mv0 link v1 type macvlan mode bridge'  : new Operation.AddLink('a', 'mv0', null, new MacvlanLink('v1', 'bridge', false)),
            'link add name mv1 link v1 netns a type macvlan mode bridge': new Operation.AddLink(null, 'mv1', 'a', new MacvlanLink('v1', 'bridge', true)),
            'link add name vx0 type vxlan id 42 remote 10.0.0.2 dev v1 dstport 4789': new Operation.AddLink('a', 'vx0', null, new VxlanLink(42, '10.0.0.2', 'v1', 4789)),
            'link add name vx1 type vxlan id 43 dstport 4790'     : new Operation.AddLink('a', 'vx1', null, new VxlanLink(43, null, null, 4790)),
            'link add name vl0 link v1 type vlan id 10'           : new Operation.AddLink('a', 'vl0', null, new VlanLink('v1', 10)),
            'link add name vv1 type veth peer name vv2'           : new Operation.AddLink('a', 'vv1', null, new VethLink('vv2', null, 'a')),
            'link add name h1 netns a type veth peer name h2'     : new Operation.AddLink(null, 'h1', 'a', new VethLink('h2', null, 'host')),
            'link add name h3 type veth peer name h4 netns b'     : new Operation.AddLink(null, 'h3', null, new VethLink('h4', 'b', 'b')),
            'link del dev vv1'                                    : new Operation.DeleteLink('a', 'vv1'),
            'route add 10.7.0.0/16 via 10.99.0.1'                 : new Operation.AddRoute('a', '10.7.0.0/16', '10.99.0.1', null),
    ]

    def "the operation that prints 'ip #line' sends what ip sends"() {
        given:
        def target = new RecordingTarget()
        def operation = OPERATIONS[line]

        when:
        def refusal = IpOperations.of(operation).apply(target)

        then: 'it prints that line (ip reads the family of a route from its addresses: the planner writes no -6)'
        operation.args().join(' ') == line.replace('-6 ', '')

        and:
        refusal == null
        target.sentHex() == bytes

        where:
        [line, bytes] << reference().collect { k, v -> [k, v] }
    }

    def "every reference line has its operation"() {
        expect:
        reference().keySet() == OPERATIONS.keySet()
    }

    def "the kernel's refusal reads as ip prints it, with its error number: '#printed'"() {
        given:
        def target = new RecordingTarget(answer: new KernelError(errno, extack))

        expect:
        IpOperations.of(OPERATIONS[line]).apply(target) == new Refusal(errno, printed)

        where:
        line                                  | errno | extack                        || printed
        'link add name br0 type bridge'       | 17    | null                          || 'RTNETLINK answers: File exists'
        'route add 10.7.0.0/16 via 10.99.0.1' | 22    | 'Nexthop has invalid gateway' || 'Error: Nexthop has invalid gateway.'
        'link add name vl0 link v1 type vlan id 10' | 95 | 'Unknown device type'      || 'Error: Unknown device type.'
        'addr add 10.0.0.1/24 dev v1'         | 17    | ''                            || 'RTNETLINK answers: File exists'
    }

    def "a device that is not there is named as ip names it, and nothing is sent: #operation"() {
        given:
        def target = new RecordingTarget()

        expect:
        IpOperations.of(operation).apply(target) == new Refusal(19, printed)
        target.sent.empty

        where:
        operation                                                          || printed
        set('nope', new LinkChange.Up())                                   || 'Cannot find device "nope"'
        new Operation.AddAddress('a', 'nope', '10.0.0.1/24', false)        || 'Cannot find device "nope"'
        set('v1', new LinkChange.Master('nobr'))                           || 'Device "nobr" does not exist.'
        new Operation.AddRoute('a', 'default', '10.0.0.1', 'nope')         || 'Cannot find device "nope"'
        new Operation.AddLink('a', 'vx9', null, new VxlanLink(9, null, 'nope', 4789)) || 'Cannot find device "nope"'
        new Operation.AddLink('a', 'vl9', null, new VlanLink('nope', 9))   || 'Cannot find device "nope"'
    }

    def "a value rtnetlink cannot be given as it is is left to ip: #operation"() {
        expect:
        IpOperations.of(operation) == null

        where:
        operation << [new Operation.AddAddress('a', 'v1', 'nothex', false),
                      new Operation.AddRoute('a', '10.0.0.0/8', 'fd00::1', null),
                      set('v1', new LinkChange.Mac('02:00:00'))]
    }
}
