package nslab.engine

import spock.lang.Specification

/**
 * apply never touches what the lab did not create: a namespace or host interface of the same
 * name, made by someone else, stops it before any change, and is left exactly as it was.
 */
class ConflictKernelSpec extends Specification {
    static final String LAB = '''lab 'newcomer'
namespace 'x' { veth 'x-y' peer 'outsider', name: 'y-x'; ip '10.7.0.1/24' }
namespace 'outsider' { dev 'y-x' { ip '10.7.0.2/24' } }
host { veth 'hv0' peer 'x', name: 'xh'; ip '10.8.0.1/24'; forward true }
'''

    def "an outsider's #what in the way stops apply before any change and survives untouched"() {
        given:
        def lab = KernelSandbox.labFile(LAB)

        when:
        def r = KernelSandbox.run("""
$setup
snapshot > /run/before.\$\$
ip -n outsider -o addr show > /run/outsider-before.\$\$ 2>&1
echo "=== apply"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
ip -n outsider -o addr show > /run/outsider-after.\$\$ 2>&1
echo "=== outsider"; diff /run/outsider-before.\$\$ /run/outsider-after.\$\$ && echo same
echo "=== journal"; ls /run/nslab 2>/dev/null | grep -v '[.]lock'
rm -f /run/*.\$\$
""")
        def apply = r.section('apply')

        then: 'it stops with exit 3, naming what is in the way'
        apply.contains('STATUS CONFLICT')
        apply.contains("CONFLICT $named")
        apply.endsWith('exit 3')

        and: 'it ran nothing: the root namespace, the outsider, the namespace list are as they were'
        !apply.contains('RAN ')
        r.section('diff').trim() == 'same'
        r.section('outsider').trim() == 'same'
        r.section('journal').trim().isEmpty()

        where:
        what                | setup                                                                                                   | named
        'namespace'         | 'ip netns add outsider; ip -n outsider link add o1 type veth peer name o2; ip -n outsider addr add 10.9.9.9/24 dev o1' | "namespace 'outsider' already exists and is not part of lab 'newcomer'"
        'host interface'    | 'ip link add name hv0 type veth peer name hv0-peer; ip addr add 10.9.9.1/24 dev hv0'                   | "interface 'hv0' already exists in the root namespace"
    }

    def "a namespace of another live lab is in the way too, and the message says whose it is"() {
        given:
        def first = KernelSandbox.labFile("lab 'first'\nnamespace 'shared'\nnamespace 'f1'\n", 'first')
        def second = KernelSandbox.labFile("lab 'second'\nnamespace 'shared'\nnamespace 's1'\n", 'second')

        when:
        def r = KernelSandbox.run("""
echo "=== first"; nslab apply ${first.absolutePath}; echo "exit \$?"
echo "=== second"; nslab apply ${second.absolutePath}; echo "exit \$?"
echo "=== namespaces"; ip netns list | sort
""")

        then:
        r.section('first').endsWith('exit 0')
        r.section('second').contains("CONFLICT namespace 'shared' already exists and is not part of lab 'second' (it belongs to lab 'first')")
        r.section('second').endsWith('exit 3')
        r.section('namespaces').readLines()*.trim() == ['f1', 'shared']
    }
}
