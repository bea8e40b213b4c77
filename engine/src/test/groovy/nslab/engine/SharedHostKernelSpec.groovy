package nslab.engine

import spock.lang.Specification

/**
 * What labs share on the host — root-namespace sysctls and iptables tables — is as it was before
 * the first lab once the last one leaves, in whatever order they leave, whatever values they set
 * in between; a change someone else made meanwhile is kept and said. Each case in a sandbox.
 */
class SharedHostKernelSpec extends Specification {

    static File lab(String name, String host) {
        KernelSandbox.labFile("lab '$name'\nnamespace '$name-ns'\nhost { $host }\n", name)
    }

    def "rp_filter set to 1 and to 2 by two labs is 0 again after both are destroyed, #order"() {
        given:
        def one = lab('one', "sysctl 'net.ipv4.conf.all.rp_filter', 1")
        def two = lab('two', "sysctl 'net.ipv4.conf.all.rp_filter', 2")
        def (first, second) = order == 'first in, first out' ? ['one', 'two'] : ['two', 'one']

        when:
        def r = KernelSandbox.run("""
sysctl -q -w net.ipv4.conf.all.rp_filter=0
nslab apply ${one.absolutePath} >/dev/null
nslab apply ${two.absolutePath} >/dev/null
echo "=== both"; cat /proc/sys/net/ipv4/conf/all/rp_filter
nslab destroy $first >/dev/null
echo "=== one left"; cat /proc/sys/net/ipv4/conf/all/rp_filter
echo "=== last destroy"; nslab destroy $second
echo "=== none"; cat /proc/sys/net/ipv4/conf/all/rp_filter
""")

        then:
        r.section('both').trim() == '2'
        r.section('one left').trim() == '2'
        r.section('none').trim() == '0'
        !r.out.contains('NOTE')
        r.section('last destroy').contains('UNDONE sysctl -q -w net.ipv4.conf.all.rp_filter=0')

        where:
        order << ['first in, first out', 'last in, first out']
    }

    def "a value someone else set while both labs were live is kept, and the last destroy says so"() {
        given:
        def one = lab('one', "sysctl 'net.ipv4.conf.all.rp_filter', 1")
        def two = lab('two', "sysctl 'net.ipv4.conf.all.rp_filter', 2")

        when:
        def r = KernelSandbox.run("""
sysctl -q -w net.ipv4.conf.all.rp_filter=0
nslab apply ${one.absolutePath} >/dev/null
nslab apply ${two.absolutePath} >/dev/null
sysctl -q -w net.ipv4.conf.all.rp_filter=1
nslab destroy two >/dev/null
echo "=== last"; nslab destroy one
echo "=== none"; cat /proc/sys/net/ipv4/conf/all/rp_filter
""")

        then:
        r.section('none').trim() == '1'
        r.section('last').contains('NOTE host sysctl net.ipv4.conf.all.rp_filter is 1 now, not the 2 a lab set')
    }

    def "a nat table that two masquerading labs brought in is gone after both are destroyed, #order"() {
        given:
        def one = lab('one', "masquerade '10.1.0.0/24', out: 'lo'")
        def two = lab('two', "masquerade '10.2.0.0/24', out: 'lo'")
        def (first, second) = order == 'first in, first out' ? ['one', 'two'] : ['two', 'one']

        when:
        def r = KernelSandbox.run("""
echo "=== before"; iptables-save | grep '^\\*' || true
nslab apply ${one.absolutePath} >/dev/null
nslab apply ${two.absolutePath} >/dev/null
echo "=== both"; iptables-save -t nat | grep -c MASQUERADE
nslab destroy $first >/dev/null
echo "=== one left"; iptables-save -t nat | grep -c MASQUERADE
nslab destroy $second >/dev/null
echo "=== none"; iptables-save | grep '^\\*' || true
""")

        then:
        !r.section('before').contains('*nat')
        r.section('both').trim() == '2'
        r.section('one left').trim() == '1'
        !r.section('none').contains('*nat')

        where:
        order << ['first in, first out', 'last in, first out']
    }
}
