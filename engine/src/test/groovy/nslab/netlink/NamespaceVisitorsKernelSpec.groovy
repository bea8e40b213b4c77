package nslab.netlink

import nslab.engine.KernelSandbox
import spock.lang.Specification

/**
 * Jobs inside named namespaces run on visitor threads that enter the namespace for the job and go
 * back before taking another: the job finds itself where it asked to be, and afterwards — after a
 * job that failed too — every thread of the process is back in the namespace it started in.
 */
class NamespaceVisitorsKernelSpec extends Specification {

    static final String VISITS = '''
import java.nio.file.*
import java.util.concurrent.Callable
def where = { Files.readSymbolicLink(Paths.get('/proc/thread-self/ns/net')).toString() }
def home = where()
def seen = []
40.times { i ->
    seen << nslab.netlink.NamedNamespaces.inside(i % 2 ? 'b' : 'a', where as Callable)
    try {
        nslab.netlink.NamedNamespaces.inside('b', { throw new IllegalArgumentException('a failing job') } as Callable)
    } catch (IllegalArgumentException expected) { }
}
// a visitor hands over its result, then goes home: allow it that moment, but not the second after
// which an idle visitor ends (and would take its namespace with it)
def strays = { new File('/proc/self/task').listFiles().findAll {
    Files.readSymbolicLink(it.toPath().resolve('ns/net')).toString() != home } }
for (int i = 0; i < 20 && strays(); i++) sleep(10)
println "home ${home == where()}"
println "jobs in a ${seen.findAll { it == args[0] }.size()} in b ${seen.findAll { it == args[1] }.size()}"
println "threads elsewhere ${strays().size()}"
'''

    def "a job runs inside its namespace, and every visitor goes back to nslab's own namespace afterwards"() {
        given:
        def script = File.createTempFile('nslab-visits', '.groovy')
        script.text = VISITS

        when:
        def r = KernelSandbox.run("""
ip netns add a && ip netns add b
java -cp "\$NSLAB_TEST_CP" groovy.ui.GroovyMain ${script.absolutePath} \\
    "\$(ip netns exec a readlink /proc/self/ns/net)" "\$(ip netns exec b readlink /proc/self/ns/net)" 2>&1 | tail -3
""")

        then:
        r.out.contains('home true')
        r.out.contains('jobs in a 20 in b 20')
        r.out.contains('threads elsewhere 0')

        cleanup:
        script?.delete()
    }
}
