package nslab.cli

import spock.lang.Specification

/**
 * An IPv6 lab answers when apply returns: apply waits until the kernel's duplicate address
 * detection has passed every address of the lab's IPv6 namespaces (a tentative address answers
 * no neighbour solicitation), so a ping -6 across a router right after apply is answered.
 */
class Ipv6ReadyKernelSpec extends Specification {
    /** TraceKernelSpec's routed IPv6 lab: client and server through the router gateway. */
    static final String LAB = TraceKernelSpec.SIX

    def "right after apply no address of the lab is tentative, and a ping -6 through the router answers (#executor)"() {
        given:
        def file = TraceSandbox.labFile(LAB)

        when:
        def r = TraceSandbox.run("""
export NSLAB_EXECUTOR=$executor
NSLAB_TIMING=1 nslab apply --no-check ${file.path} 2>&1 | grep -c "timing: IPv6 addresses past DAD"
echo "=== tentative"; for ns in client gateway server; do ip -n \$ns -6 -o addr show tentative; done
echo "=== ping"; ip netns exec client ping -6 -c1 -W1 2001:db8:100::1 >/dev/null; echo \$?
""")

        then: 'apply waited for the addresses (shown in NSLAB_TIMING), and left none tentative'
        r.out.readLines()[0].trim() == '1'
        r.section('tentative').trim() == ''

        and: 'the first ping is answered'
        r.section('ping').trim() == '0'

        where:
        executor << ['netlink', 'ip']
    }
}
