package nslab.netlink

import nslab.engine.KernelSandbox
import spock.lang.Specification

/**
 * A batch of namespace additions, as an apply's first wave carries it out: the netlink executor
 * makes the namespaces on two threads side by side, yet fails as {@code ip -batch} does (at the
 * first name it cannot make, with ip's words, naming that operation) and leaves exactly the
 * namespaces ip leaves: those before the failing one, none after it.
 */
class NamespaceCreationKernelSpec extends Specification {

    static final String BATCH = (1..60).collect { "netns add c$it" }.join('\n') + '\n'

    /** Makes c37 beforehand (so that line 37 fails), runs the batch with {@code tool}, and lists what is there. */
    static String script(String tool) {
        """
ip netns add c37
echo "=== run"
printf '%s' '${BATCH}' | ${tool} 2>&1; echo "exit \$?"
echo "=== left"
ip netns list | sort -V
"""
    }

    def "a batch of netns add stops at the first name it cannot make, and leaves what ip leaves"() {
        when:
        def byIp = KernelSandbox.run(script('ip -batch -'))
        def byNetlink = KernelSandbox.run(script(NamespaceDeletionKernelSpec.netlink(false)))

        then: 'ip: line 37 fails, c1 to c36 are made, nothing after'
        byIp.section('run').contains('Cannot create namespace file "/run/netns/c37": File exists')
        byIp.section('run').contains('Command failed -:37')
        byIp.section('left').readLines()*.replaceAll(/ .*/, '') == (1..37).collect { "c$it" }

        and: 'netlink says the same and leaves the same'
        byNetlink.section('run') == byIp.section('run')
        byNetlink.section('left') == byIp.section('left')
    }

    def "a batch that fails nowhere makes every namespace"() {
        when:
        def r = KernelSandbox.run("""
printf '%s' '${BATCH}' | ${NamespaceDeletionKernelSpec.netlink(false)}; echo "exit \$?"
ip netns list | wc -l
""")

        then:
        r.out.readLines() == ['exit 0', '60']
    }

    /** Runs {@code netns add} lines through {@code executor}'s addNamespaces, printing what it hands over and what it says. */
    static String handOver(String executor, String lines) {
        def code = """
def ex = ${executor}
def r = ex.addNamespaces(["ip", "-batch", "-"], "${lines}", { files ->
    files.each { n, f ->
        def named = java.nio.file.Files.exists(java.nio.file.Path.of("/run/netns/" + n), java.nio.file.LinkOption.NOFOLLOW_LINKS)
        println("BEFORE " + n + " " + (named ? "named" : "unnamed") + " " + nslab.engine.Identities.unnamedNamespace(f))
    }
})
print(r.err()); println("exit " + r.exit())
["n1", "n2", "n3"].each { println("AFTER " + it + " " + nslab.engine.Identities.namespace(java.nio.file.Path.of("/run/netns"), it)) }
"""
        'java -cp "$NSLAB_TEST_CP" groovy.ui.GroovyMain -e \'' + code + '\''
    }

    def "#name hands each new namespace over before it has a name, and the name then shows that very namespace"() {
        when:
        def r = KernelSandbox.run(handOver(executor, 'netns add n1\\nnetns add n2\\n'))
        def before = r.out.readLines().findAll { it.startsWith('BEFORE ') }
        def after = r.out.readLines().findAll { it.startsWith('AFTER ') }

        then: 'both handed over while unnamed, each with an identity'
        before.size() == 2
        before.every { it.split(' ')[2] == 'unnamed' && it.split(' ')[3] ==~ /\d+:\d+:\d+/ }

        and: 'the names show the identities handed over; nothing else was made'
        r.out.contains('exit 0')
        after == before.collect { "AFTER ${it.split(' ')[1]} ${it.split(' ')[3]}".toString() } + ['AFTER n3 null']

        where:
        name        | executor
        'ip'        | 'new nslab.engine.ProcessExecutor()'
        'netlink'   | 'new nslab.netlink.NetlinkExecutor(new nslab.engine.ProcessExecutor())'
    }

    def "#name fails at a name that is taken as ip netns add does, and names only the namespaces before it"() {
        when:
        def r = KernelSandbox.run('ip netns add n2\n' + handOver(executor, 'netns add n1\\nnetns add n2\\nnetns add n3\\n'))

        then:
        r.out.contains('Cannot create namespace file "/run/netns/n2": File exists')
        r.out.contains('Command failed -:2')
        r.out.contains('exit 1')
        !r.out.contains('AFTER n1 null')
        r.out.contains('AFTER n3 null')

        where:
        name        | executor
        'ip'        | 'new nslab.engine.ProcessExecutor()'
        'netlink'   | 'new nslab.netlink.NetlinkExecutor(new nslab.engine.ProcessExecutor())'
    }
}
