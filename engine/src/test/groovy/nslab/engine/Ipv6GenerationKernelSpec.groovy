package nslab.engine

import nslab.LabCompiler
import nslab.render.ShellScriptRenderer
import spock.lang.Specification

/**
 * Interfaces of a namespace without IPv6 addresses come up without IPv6 address generation (no
 * fe80:: link-local address, so no duplicate address detection, router solicitations or MLD
 * reports for a bridge to flood); a namespace with an IPv6 address keeps it; on both executors
 * and by the printed plan run with sh.
 */
class Ipv6GenerationKernelSpec extends Specification {
    static final String LAB = '''lab 'gen'
namespace 'a' { veth 'a-h' peer 'hub', name: 'h-a'; ip '10.7.0.1/24' }
namespace 'b' { veth 'b-h' peer 'hub', name: 'h-b'; ip '10.7.0.2/24'; ip '2001:db8:7::2/64' }
namespace 'hub' { bridge 'br0' { port 'h-a', 'h-b' } }
expect { reach 'a' to 'b' }
'''

    def "no fe80:: address where the namespace has no IPv6, one where it has (#how)"() {
        given:
        def lab = KernelSandbox.labFile(LAB)

        when:
        def r = KernelSandbox.run("""
${build(lab, how)}
echo "=== a"; ip -n a -6 addr show dev a-h | grep -c fe80
echo "=== hub"; ip -n hub -6 addr show | grep -c fe80
echo "=== mode"; ip -n hub -d link show dev br0 | grep -o 'addrgenmode [a-z0-9_]*'
echo "=== b"; ip -n b -6 addr show dev b-h | grep -c fe80
echo "=== ping"; ip netns exec a ping -c1 -W2 10.7.0.2 >/dev/null && echo answered
""")

        then:
        r.section('a') == '0'
        r.section('hub') == '0'
        r.section('mode') == 'addrgenmode none'
        r.section('b') == '1'
        r.section('ping') == 'answered'

        where:
        how << ['ip', 'netlink', 'plan']
    }

    /** The lab built by nslab apply on one executor, or by sh of the printed plan (in a subshell: it stops at a failure). */
    static String build(File lab, String how) {
        if (how == 'plan') {
            return '(\n' + new ShellScriptRenderer().render(new LabCompiler().compile(lab.toPath()).plan()) + '\n) >/dev/null\n'
        }
        "NSLAB_EXECUTOR=$how nslab apply ${lab.absolutePath} >/dev/null"
    }
}
