package nslab.engine

import nslab.plan.Command
import nslab.plan.Tool
import spock.lang.Specification

/** What a command leaves in the root namespace decides what status lists as the lab's host changes. */
class FootprintSpec extends Specification {

    def "'#line' leaves the root namespace untouched: #untouched"() {
        given:
        def command = Command.of(null, tool, line.split(' ').drop(1) as List)

        expect:
        Footprint.onlyCreatesInNamespaces(command) == untouched

        where:
        line                                                                         | tool        || untouched
        'ip netns add a'                                                             | Tool.IP     || true
        'ip link add name v0 netns a type veth peer name v1 netns b'                 | Tool.IP     || true
        'ip link add name v0 type veth peer name v1 netns b'                         | Tool.IP     || false
        'ip link add name br0 type bridge'                                           | Tool.IP     || false
        'ip addr add 10.0.0.1/24 dev v0'                                             | Tool.IP     || false
        'ip route add 10.0.0.0/24 via 10.0.1.1'                                      | Tool.IP     || false
        'iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE'                | Tool.IPTABLES || false
    }
}
