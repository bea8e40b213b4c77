package nslab.netlink

import spock.lang.Specification

/**
 * Each batch line the planner writes becomes, byte for byte, the rtnetlink message that
 * iproute2 6.1 sends for it (reference bytes recorded with strace, in the test resources).
 */
class IpLineBytesSpec extends Specification {

    static List<List<String>> reference() {
        IpLineBytesSpec.getResource('iproute2-6.1-sends.txt').readLines()
                .findAll { it && !it.startsWith('#') }
                .collect { it.split('\\|') as List }
    }

    def "'ip #line' sends what ip sends"() {
        given:
        def target = new RecordingTarget()

        when:
        def error = IpLine.parse(NetlinkExecutor.words(line)).apply(target)

        then:
        error == null
        target.sentHex() == bytes

        where:
        [line, bytes] << reference()
    }

    def "the reference covers every kind of message: #kind"() {
        expect:
        reference().any { it[0].startsWith(prefix) }

        where:
        kind                         | prefix
        'veth into two namespaces'   | 'link add name v1 netns a type veth peer name v2 netns b'
        'veth, peer elsewhere'       | 'link add name h3 type veth peer name h4 netns b'
        'bridge'                     | 'link add name br0 type bridge'
        'macvlan'                    | 'link add name mv0 link v1 type macvlan'
        'macvlan into a namespace'   | 'link add name mv1 link v1 netns a type macvlan'
        'vxlan with remote and dev'  | 'link add name vx0 type vxlan'
        'vlan'                       | 'link add name vl0 link v1 type vlan'
        'master'                     | 'link set dev v1 master'
        'nomaster'                   | 'link set dev v1 nomaster'
        'mtu'                        | 'link set dev v1 mtu'
        'mac address'                | 'link set dev v1 address'
        'up'                         | 'link set dev v1 up'
        'down'                       | 'link set dev v1 down'
        'delete'                     | 'link del dev'
        'IPv4 address'               | 'addr add 10.0.0.1/24'
        'IPv6 address without DAD'   | 'addr add fd00::1/64 dev v1 nodad'
        'address delete'             | 'addr del'
        'IPv4 route via'             | 'route add 10.9.0.0/16 via'
        'IPv4 route dev'             | 'route add 10.8.0.0/16 dev'
        'IPv4 default'               | 'route add default'
        'IPv6 route via'             | '-6 route add fd01::/64 via'
        'IPv6 default'               | '-6 route add default'
        'route delete'               | 'route del'
        'IPv6 route delete'          | '-6 route del'
    }

    def "the kernel's refusal reads as ip prints it: '#printed'"() {
        given:
        def target = new RecordingTarget(answer: new KernelError(errno, extack))

        expect:
        IpLine.parse(NetlinkExecutor.words(line)).apply(target) == printed

        where:
        line                                  | errno | extack                        || printed
        'link add name br0 type bridge'       | 17    | null                          || 'RTNETLINK answers: File exists'
        'route add 10.7.0.0/16 via 10.99.0.1' | 22    | 'Nexthop has invalid gateway' || 'Error: Nexthop has invalid gateway.'
        'link add name x link v1 type vlan id 5' | 95 | 'Unknown device type'         || 'Error: Unknown device type.'
        'addr add 10.0.0.1/24 dev v1'         | 17    | ''                            || 'RTNETLINK answers: File exists'
    }

    def "a device that is not there is named as ip names it, and nothing is sent: '#line'"() {
        given:
        def target = new RecordingTarget()

        expect:
        IpLine.parse(NetlinkExecutor.words(line)).apply(target) == printed
        target.sent.empty

        where:
        line                               || printed
        'link set dev nope up'             || 'Cannot find device "nope"'
        'addr add 10.0.0.1/24 dev nope'    || 'Cannot find device "nope"'
        'link set dev v1 master nobr'      || 'Device "nobr" does not exist.'
        'route add default via 10.0.0.1 dev nope' || 'Cannot find device "nope"'
    }

    def "a form the planner does not write is left to ip: '#line'"() {
        expect:
        IpLine.parse(NetlinkExecutor.words(line)) == null

        where:
        line << ['link set dev v1 up mtu 1400', 'route add 10.0.0.0/8 via 10.0.0.1 metric 5', 'addr flush dev v1',
                 'link add name d0 type dummy', 'route get 10.0.0.1', 'neigh add 10.0.0.1 lladdr 02:00:00:00:00:01 dev v1',
                 'link add name x type veth peer name y mtu 9000', 'route add 10.0.0.0/8 via fd00::1', 'addr add nothex dev v1',
                 'tuntap add dev t0 mode tap user 1000', 'link add name m link v1 type macvlan mode nonsense']
    }
}
