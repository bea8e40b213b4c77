package nslab.netlink

import nslab.engine.KernelSandbox
import spock.lang.Specification

/**
 * An undo batch ({@code ip -force -batch -}) of {@code netns del} lines, as destroy runs it: the
 * netlink executor deletes the namespaces side by side, yet answers as {@code ip} does — every
 * name that can be deleted is, and each one that cannot is reported with ip's words at its own
 * line number.
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

    static final String NETLINK = 'java -cp "$NSLAB_TEST_CP" groovy.ui.GroovyMain -e \'' +
            'def r = new nslab.netlink.NetlinkExecutor(new nslab.engine.ProcessExecutor())' +
            '.run(["ip", "-force", "-batch", "-"], System.in.text); System.out.print(r.err()); System.exit(r.exit())\''

    def "a -force batch of netns del deletes every namespace it can and names the one it cannot, as ip does"() {
        when:
        def byIp = KernelSandbox.run(script('ip -force -batch -'))
        def byNetlink = KernelSandbox.run(script(NETLINK))

        then: 'ip: the missing name fails at its line, all the others are gone'
        byIp.section('run').contains('Cannot remove namespace file "/run/netns/missing": No such file or directory')
        byIp.section('run').contains('Command failed -:21')
        byIp.section('left').trim() == ''

        and: 'netlink says the same and leaves the same'
        byNetlink.section('run') == byIp.section('run')
        byNetlink.section('left').trim() == ''
    }
}
