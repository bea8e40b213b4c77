package nslab.engine

import spock.lang.Specification

/**
 * check pings each expectation from its namespace: IPv6 targets with -6 and no wait for duplicate
 * address detection, namespace names standing for their first address, and exit 4 when the
 * network does not do what the lab expects.
 */
class CheckKernelSpec extends Specification {
    static final String LAB = '''lab 'six'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '2001:db8::1/64'; ip '10.6.0.1/24' }
namespace 'b' { dev 'b-a' { ip '2001:db8::2/64'; ip '10.6.0.2/24' } }
'''

    def "expectation '#expectation' is #verdict"() {
        given:
        def lab = KernelSandbox.labFile(LAB + "expect { $expectation }\n")

        when:
        def r = KernelSandbox.run("""
echo "=== apply"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== check"; nslab check ${lab.absolutePath}; echo "exit \$?"
""")

        then: 'apply runs the expectations right after building (IPv6 included: apply waits for DAD) and so does check'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').contains("CHECK $line")
        r.section('apply').endsWith("exit $exit")
        r.section('check').contains("CHECK $line")
        r.section('check').endsWith("exit $exit")

        where:
        expectation                       | line                     | exit | verdict
        "reach 'a' to '2001:db8::2'"      | 'a 2001:db8::2 ok'       | 0    | 'met over IPv6 at once'
        "reach 'b' to 'a'"                | 'b a ok'                 | 0    | 'met: a stands for 10.6.0.1'
        "unreachable 'a' to '10.6.0.9'"   | 'a 10.6.0.9 ok'          | 0    | 'met: nobody has that address'
        "reach 'a' to '10.6.0.9'"         | 'a 10.6.0.9 FAILED'      | 4    | 'not met: exit 4'
        "unreachable 'b' to '10.6.0.1'"   | 'b 10.6.0.1 FAILED'      | 4    | 'not met: it answers'
    }
}
