package nslab.engine

import spock.lang.Specification

/**
 * A step the kernel refuses midway makes apply undo everything it had done — namespaces, the
 * host's veth and address, its forwarding sysctl, its NAT rule — and say which device kind or
 * qdisc was refused, from which script line. This kernel lacks 802.1Q VLANs and netem, which makes
 * them the natural test; the spec first asks the kernel, so it holds on a kernel that has them too.
 */
class RollbackKernelSpec extends Specification {
    static final String HOST = '''lab 'refused'
host {
    veth 'h0' peer 'a', name: 'a0'
    ip '10.5.0.1/24'
    forward true
    masquerade '10.5.0.0/24', out: 'h0'
}
namespace 'b'
'''

    def "a refused #what midway is rolled back completely and reported with its script line (#executor)"() {
        given:
        def lab = KernelSandbox.labFile(HOST + body)
        def failingLine = (HOST + body).readLines().findIndexOf { it.contains(word) } + 1

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
echo "=== supported"; $probe >/dev/null 2>&1 && echo yes || echo no
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
echo "=== left"; ip netns list; ls /run/nslab | grep -v '[.]lock'; ls /etc/netns 2>/dev/null
rm -f /run/before.\$\$ /run/after.\$\$
""")
        def apply = r.section('apply')

        then:
        if (r.section('supported').trim() == 'yes') {
            assert apply.contains('STATUS APPLIED') // a kernel with the module: nothing to roll back
            return
        }
        apply.contains('STATUS FAILED')
        apply.endsWith('exit 3')

        and: 'the report names the command, the refused kind, the missing module, and the script line'
        apply.contains(command)
        apply.contains(refused)
        apply.contains('may be missing')
        apply.contains("lab.groovy:$failingLine")
        apply.contains('restored=true')

        and: 'steps that had run were undone (the host veth goes with namespace a, where its peer is)'
        apply.contains('UNDONE ip netns del a')
        apply.contains('UNDONE ip netns del b')

        and: 'the root namespace is as before and nothing is left, not even the name files of a and b'
        r.section('diff').trim() == 'same'
        r.section('left').trim().isEmpty()

        where:
        executor  | what             | word      | body                                                                  | command                                           | refused                                       | probe
        'netlink' | 'VLAN device'    | 'vlan'    | "namespace 'a' {\n    dev 'a0' { ip '10.5.0.2/24' }\n    vlan 'a0.10' on 'a0', id: 10\n}\n" | 'ip -n a link add name a0.10 link a0 type vlan id 10' | "device kind 'vlan'"    | 'ip link add name p type veth peer name q && ip link add name v link p type vlan id 10'
        'netlink' | 'netem qdisc'    | 'netem'   | "namespace 'a' {\n    dev 'a0' { ip '10.5.0.2/24'; netem delay: '10ms' }\n}\n"          | 'tc qdisc add dev a0 root netem delay 10ms'            | "qdisc 'netem'"         | 'ip link add name p type veth peer name q && tc qdisc add dev p root netem delay 1ms'
        'netlink' | 'host VLAN'      | 'vlan'    | "namespace 'a' { dev 'a0' { ip '10.5.0.2/24' } }\nhost { vlan 'h0.7' on 'h0', id: 7 }\n"    | 'ip link add name h0.7 link h0 type vlan id 7'         | '8021q'                 | 'ip link add name p type veth peer name q && ip link add name v link p type vlan id 10'
        'ip'      | 'VLAN device'    | 'vlan'    | "namespace 'a' {\n    dev 'a0' { ip '10.5.0.2/24' }\n    vlan 'a0.10' on 'a0', id: 10\n}\n" | 'ip -n a link add name a0.10 link a0 type vlan id 10' | "device kind 'vlan'"    | 'ip link add name p type veth peer name q && ip link add name v link p type vlan id 10'
        'ip'      | 'netem qdisc'    | 'netem'   | "namespace 'a' {\n    dev 'a0' { ip '10.5.0.2/24'; netem delay: '10ms' }\n}\n"          | 'tc qdisc add dev a0 root netem delay 10ms'            | "qdisc 'netem'"         | 'ip link add name p type veth peer name q && tc qdisc add dev p root netem delay 1ms'
        'ip'      | 'host VLAN'      | 'vlan'    | "namespace 'a' { dev 'a0' { ip '10.5.0.2/24' } }\nhost { vlan 'h0.7' on 'h0', id: 7 }\n"    | 'ip link add name h0.7 link h0 type vlan id 7'         | '8021q'                 | 'ip link add name p type veth peer name q && ip link add name v link p type vlan id 10'
    }
}
