package nslab.engine

import nslab.LabCompiler
import spock.lang.Specification

/**
 * Every example lab is applied by the engine inside a private sandbox; plain ping (not the
 * engine's checker) confirms its expectations; destroy gives back the sandbox's root namespace
 * exactly as it was — links, addresses, routes of both families, iptables rules, forwarding.
 */
class ExamplesKernelSpec extends Specification {

    static final boolean FRR_HERE = new File('/usr/lib/frr/zebra').canExecute() && ['id', '-u'].execute().text.trim() == '0'

    static File examples() {
        def d = new File('examples')
        d.isDirectory() ? d : new File('../examples')
    }

    def "#example applies, its expectations hold under plain ping, and destroy leaves the root namespace as before"() {
        given:
        def file = new File(examples(), example)
        def lab = new LabCompiler().compile(file.toPath()).lab()

        when:
        // a lab with routing daemons needs FRR's group frrvty mapped: a sandbox that maps every user
        def sandbox = lab.routers().isEmpty() ? KernelSandbox.&run : KernelSandbox.&runAllUsers
        def r = sandbox("""
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== pings"
${PlainPing.script(lab)}
echo "=== namespaces"; ip netns list
echo "=== destroy"; nslab destroy ${lab.name()}; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
echo "=== journal"; ls /run/nslab | grep -v '[.]lock'
rm -f /run/before.\$\$ /run/after.\$\$
""")

        then: 'apply built it and its own checks passed'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').endsWith('exit 0')

        and: 'plain ping agrees with every expectation'
        PlainPing.agree(lab, r.section('pings'))

        and: 'every namespace of the lab was there'
        lab.created()*.name().every { r.section('namespaces').contains(it) }

        and: 'destroy took all of it away and gave the root namespace back unchanged'
        r.section('destroy').endsWith('exit 0')
        r.section('diff').trim() == 'same'
        r.section('journal').trim().isEmpty()

        where: 'labs with routing daemons where FRR is installed and the test runs as root (the full user map)'
        example << examples().list().findAll { it.endsWith('.groovy') }.sort().findAll { FRR_HERE ||
                new LabCompiler().compile(new File(examples(), it).toPath()).lab().routers().isEmpty() }
    }
}
