package nslab.netlink

import nslab.engine.KernelSandbox
import spock.lang.Specification

/**
 * An undo batch of namespace deletions, as destroy carries it out: {@code ip -force -batch -} of
 * {@code netns del} lines, or the netlink executor, which deletes the namespaces side by side yet
 * leaves what ip leaves (every name that can be deleted is) and names the operation that failed
 * with ip's words.
 */
class NamespaceDeletionKernelSpec extends Specification {

    static final String BATCH = ((1..20).collect { "netns del d$it" } + ['netns del missing']
            + (21..40).collect { "netns del d$it" }).join('\n') + '\n'

    /** Makes d1..d40 with ip, runs the batch with {@code tool}, and lists what is left. */
    static String script(String tool) {
        """
for i in \$(seq 40); do echo "netns add d\$i"; done | ip -batch -
echo "=== run"
printf '%s' '${BATCH}' | ${tool} 2>&1; echo "exit \$?"
echo "=== left"
ip netns list
"""
    }

    /**
     * The netlink executor carrying out the namespace operations of the batch on stdin
     * ({@code tolerant}: as an undo does), its outcome written as ip writes a failure, so that the
     * two can be compared: the kernel's words, the failing operation's line, exit status 1.
     */
    static String netlink(boolean tolerant) {
        'java -cp "$NSLAB_TEST_CP" groovy.ui.GroovyMain -e \'' +
                'def ops = System.in.text.readLines().findAll { it }.collect { def w = it.split(" "); ' +
                'w[1] == "add" ? new nslab.plan.Operation.AddNamespace(w[2]) : new nslab.plan.Operation.DeleteNamespace(w[2]) }; ' +
                'def o = new nslab.netlink.NetlinkExecutor(new nslab.engine.ProcessExecutor())' +
                ".carryOut(null, nslab.plan.Tool.IP, ops, $tolerant); " +
                'if (o.ok()) System.exit(0); ' +
                'System.out.print(o.message() + "\\nCommand failed -:" + (o.failed() + 1) + "\\n"); System.exit(1)\''
    }

    def "a -force batch of netns del deletes every namespace it can and names the one it cannot, as ip does"() {
        when:
        def byIp = KernelSandbox.run(script('ip -force -batch -'))
        def byNetlink = KernelSandbox.run(script(netlink(true)))

        then: 'ip: the missing name fails at its line, all the others are gone'
        byIp.section('run').contains('Cannot remove namespace file "/run/netns/missing": No such file or directory')
        byIp.section('run').contains('Command failed -:21')
        byIp.section('left').trim() == ''

        and: 'netlink says the same and leaves the same'
        byNetlink.section('run') == byIp.section('run')
        byNetlink.section('left').trim() == ''
    }
}
