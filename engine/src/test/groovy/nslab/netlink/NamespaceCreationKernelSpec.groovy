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
}
