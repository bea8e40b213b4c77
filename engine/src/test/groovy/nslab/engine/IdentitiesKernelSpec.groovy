package nslab.engine

import spock.lang.Specification

/**
 * A namespace's identity is read from its basic attributes (the cheap read a destroy makes once
 * per namespace) and is exactly what the "unix" view names: device, inode and change time of the
 * nsfs inode, so that journals written either way read the same.
 */
class IdentitiesKernelSpec extends Specification {

    def "the identity of a named namespace is its nsfs device, inode and change time"() {
        given:
        def script = File.createTempFile('nslab-identity', '.groovy')
        script.text = '''
import java.nio.file.Paths
def dir = Paths.get('/run/netns')
['one', 'two', 'three'].each { n ->
    println "${n} ${nslab.engine.Identities.namespace(dir, n)} ${nslab.engine.Identities.namespaceByUnixView(dir.resolve(n))}"
}
println "gone ${nslab.engine.Identities.namespace(dir, 'gone')}"
'''

        when:
        def r = KernelSandbox.run("""
ip netns add one; ip netns add two; sleep 0.05; ip netns add three
java -cp "\$NSLAB_TEST_CP" groovy.ui.GroovyMain ${script.absolutePath}
stat -c '%n %d:%i:%.9Z' /run/netns/one /run/netns/two /run/netns/three | sed 's|/run/netns/|stat |; s|\\.||'
""")
        def lines = r.out.readLines()
        def read = lines.findAll { it ==~ /(one|two|three) .*/ }.collectEntries { def f = it.split(' '); [f[0], f[1..2]] }
        def byStat = lines.findAll { it.startsWith('stat ') }.collectEntries { def f = it.split(' '); [f[1], f[2]] }

        then: 'both reads agree, with stat, and tell the namespaces apart'
        read.keySet() == ['one', 'two', 'three'] as Set
        read.every { name, ids -> ids[0] == ids[1] && ids[0] == byStat[name].replaceFirst(/:0*(?=\d)/, ':') }
        read.values()*.get(0).unique().size() == 3

        and: 'a name with no namespace has no identity'
        lines.contains('gone null')

        cleanup:
        script?.delete()
    }
}
