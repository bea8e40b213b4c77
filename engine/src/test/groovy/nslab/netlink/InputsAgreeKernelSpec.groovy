package nslab.netlink

import nslab.LabCompiler
import nslab.engine.KernelSandbox
import nslab.plan.Tool
import nslab.render.ShellScriptRenderer
import spock.lang.Specification

/**
 * One meaning for every input: labs written with the odd forms the language accepts (upper-case
 * and zero-padded IPv6 groups, an embedded IPv4 tail, a bare address, numbers at their bounds)
 * are built three times in fresh sandboxes — by {@code sh -e} of the printed plan, by
 * {@code nslab apply} on the ip executor and on netlink — and read back with {@code ip -j} and
 * the lab's sysctls; the forms iproute2 reads otherwise than netlink are refused before anything
 * runs, and the kernel shows why.
 */
class InputsAgreeKernelSpec extends Specification {

    static final String FORMS = '''lab 'forms'
namespace 'a' {
    veth 'a0' peer 'b', name: 'b0'
    ip '10.0.0.1/24'
    ip '2001:0DB8:0:0::1/64'
    ip '64:ff9b::10.0.0.1/96'
    ip '192.0.2.7'
    mtu 65535
    gateway '10.0.0.2'
    route '198.51.100.0/24' via '10.0.0.2'
    route '2001:db8:1::/48' via '2001:DB8::2'
    sysctl 'net.ipv4.conf.all.rp_filter', 2
    sysctl 'net.ipv4.conf.all.arp_ignore', 8
}
namespace 'b' {
    dev 'b0' { ip '10.0.0.2/24'; ip '2001:db8::0002/64'; mtu 1280 }
    vxlan 'vx0', id: 16777215, remote: '10.0.0.1', dev: 'b0', port: 65535
    dev 'vx0' { mtu 68 }
    forwardPort 65535, to: '10.0.0.1:1'
}
'''

    def "sh -e of the printed plan, the ip executor and netlink build the same lab from every accepted form"() {
        given:
        def lab = KernelSandbox.labFile(FORMS, 'forms')
        def compiled = new LabCompiler().compile(lab.toPath())
        assert compiled.ok(), compiled.problems()*.format().join('\n')
        def keys = compiled.plan().steps().findAll { it.command().tool() == Tool.SYSCTL }
                .collect { it.command().args().find { a -> a.contains('=') }.split('=')[0] }.unique()

        when:
        def byScript = KernelSandbox.run(new ShellScriptRenderer().render(compiled.plan()) + '\nset +e\n'
                + ExecutorsAgreeKernelSpec.dump(keys) + nat())
        def byIp = KernelSandbox.run("NSLAB_EXECUTOR=ip nslab apply ${lab.absolutePath} >/dev/null; echo \"=== applied \$?\"\n"
                + ExecutorsAgreeKernelSpec.dump(keys) + nat())
        def byNetlink = KernelSandbox.run("NSLAB_EXECUTOR=netlink nslab apply ${lab.absolutePath} >/dev/null; echo \"=== applied \$?\"\n"
                + ExecutorsAgreeKernelSpec.dump(keys) + nat())

        then: 'all three built it'
        byScript.out.contains('=== state')
        byIp.out.contains('=== applied 0')
        byNetlink.out.contains('=== applied 0')

        and: 'the addresses are the ones validation read, in every build'
        byScript.section('state').contains('"local":"2001:db8::1","prefixlen":64')
        byScript.section('state').contains('"local":"64:ff9b::a00:1","prefixlen":96')
        byScript.section('state').contains('"local":"192.0.2.7","prefixlen":32')

        and: 'every namespace holds the same links, addresses, routes, sysctls and NAT rules'
        def expected = ExecutorsAgreeKernelSpec.state(byScript.section('state'), [])
        def ip = ExecutorsAgreeKernelSpec.state(byIp.section('state'), [])
        def netlink = ExecutorsAgreeKernelSpec.state(byNetlink.section('state'), [])
        expected.keySet() == ip.keySet()
        expected.keySet() == netlink.keySet()
        expected.each { where, value -> assert ip[where] == value, where; assert netlink[where] == value, where }
        byScript.section('nat') == byIp.section('nat')
        byScript.section('nat') == byNetlink.section('nat')
        byScript.section('nat').contains('--dport 65535 -j DNAT --to-destination 10.0.0.1:1')
    }

    def "#written is refused before anything runs, because iproute2 makes #kernel of it"() {
        given:
        def lab = KernelSandbox.labFile("namespace 'a' {\n    veth 'a0' peer 'b'\n    ip '$written'\n}\nnamespace 'b'\n", 'ambiguous')

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath}; echo "=== applied \$?"
echo "=== namespaces"; ip netns list
echo "=== iproute2"
ip link add x type veth peer name y && ip addr add '$written' dev x && ip -br addr show dev x
""")

        then: 'iproute2 reads the text otherwise than netlink would'
        r.section('iproute2').contains(kernel)

        and: 'nslab refuses it at its line, with the form to write, and builds nothing'
        r.out.contains('=== applied 1\n')
        r.section('namespaces').trim().empty
        r.err.contains("ambiguous.groovy:3: error: '$written'")
        r.err.contains("write ${hint}")

        where:
        written              | kernel                | hint
        '010.0.0.1/24'       | '8.0.0.1/24'          | "'10.0.0.1/24' (or '8.0.0.1/24' if octal was meant)"
        '10.0.0.1/024'       | '10.0.0.1/20'         | "'10.0.0.1/24'"
        '::ffff:10.0.0.1/24' | '::ffff:10.0.0.1/24'  | "the IPv4 address: '10.0.0.1/24'"
    }

    /** The NAT rules of every namespace, without counters. */
    static String nat() {
        '''
echo "=== nat"
for ns in $(ip netns list | awk '{print $1}' | sort); do
    echo "$ns"; ip netns exec $ns iptables-save -t nat | grep '^-A' || true
done
'''
    }
}
