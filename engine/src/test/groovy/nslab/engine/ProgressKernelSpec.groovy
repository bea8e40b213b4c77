package nslab.engine

import spock.lang.Specification

/**
 * The engine tells a listener how far apply and destroy have got, as data: on a real apply and
 * destroy in a sandbox the counts climb to the number of commands that ran (undone), the phases
 * follow the plan's, and the listener hears once that the work is over. A refused step's rollback
 * is reported as such.
 */
class ProgressKernelSpec extends Specification {
    static List<Map> progress(String section) {
        section.readLines().findAll { it.startsWith('PROGRESS ') }.collect {
            def f = it.substring('PROGRESS '.length()).split(/\|/)
            [verb: f[0], phase: f[1], done: f[2] as int, total: f[3] as int]
        }
    }

    def "apply counts its steps up to the plan's through its phases; destroy counts its undo commands"() {
        given:
        def lab = KernelSandbox.labFile('''lab 'counted'
namespace 'a' { veth 'a0' peer 'b', name: 'b0'; ip '10.6.0.1/24'; route '10.7.0.0/24' via '10.6.0.2' }
namespace 'b' { dev 'b0' { ip '10.6.0.2/24' }; forward true }
''')

        when:
        def r = KernelSandbox.run("""
export NSLAB_TEST_PROGRESS=1
echo '=== apply'; nslab apply ${lab.absolutePath}
echo '=== destroy'; nslab destroy counted
""")
        def apply = progress(r.section('apply'))
        def destroy = progress(r.section('destroy'))
        int ran = r.section('apply').readLines().count { it.startsWith('RAN ') }
        int undone = r.section('destroy').readLines().count { it.startsWith('UNDONE ') }

        then:
        r.section('apply').contains('STATUS APPLIED')
        apply.every { it.verb == 'apply' && it.total == ran && it.done <= it.total }
        apply*.done == apply*.done.sort()
        apply.last().done == ran
        apply[0].phase == 'looking for what is in the way'
        ['namespaces', 'addresses', 'routes', 'sysctls'].every { phase -> apply.any { it.phase.split(', ').contains(phase) } }
        r.section('apply').readLines().count { it == 'FINISHED' } == 1
        r.section('apply').readLines().findLastIndexOf { it.startsWith('PROGRESS') } < r.section('apply').readLines().indexOf('FINISHED')

        and:
        r.section('destroy').contains('DESTROYED known=true ok=true')
        destroy.every { it.verb == 'destroy' }
        destroy*.phase.any { it.startsWith('deleting') }
        destroy.last() == [verb: 'destroy', phase: 'waiting for the kernel to free the namespaces', done: undone, total: undone]
        r.section('destroy').readLines().count { it == 'FINISHED' } == 1
    }
}
