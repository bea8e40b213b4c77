package nslab.kernel

import nslab.LabCompiler
import nslab.model.IpPrefix
import nslab.model.Lab
import nslab.model.Namespace
import nslab.render.ShellQuoting
import nslab.render.ShellScriptRenderer
import spock.lang.Specification

/**
 * The printed plan is a contract: run with sh -e as root on a clean machine, it builds the lab.
 * The kernel is the judge — each plan runs inside a private sandbox and the lab's expectations
 * are checked there with plain ping.
 */
class PrintedPlanKernelSpec extends Specification {

    def "the printed plan of #example builds a lab whose expectations hold under plain ping"() {
        given:
        def compiled = new LabCompiler().compile(new File(nslab.LabFixtures.examples(), example).toPath())
        assert compiled.ok(), compiled.problems()*.format().join('\n')
        def plan = new ShellScriptRenderer().render(compiled.plan())
        def checks = pings(compiled.lab())

        when:
        def result = Sandbox.run(plan + '\nset +e\necho "=== plan done"\n' + checks)

        then: 'the script ran to its end under set -e'
        result.out.contains('=== plan done')

        and: 'every expectation has the outcome the lab states'
        def outcomes = result.out.readLines().findAll { it.startsWith('EXPECT ') }
        outcomes.size() == compiled.lab().expectations().size()
        outcomes.every { it.endsWith(' ok') }

        where: 'labs without routing daemons: those need FRR\'s group in the sandbox\'s user map and time to'
        // converge, and are applied by the engine's RoutingKernelSpec instead
        example << new File(nslab.LabFixtures.examples().path).list().findAll { it.endsWith('.groovy') }.sort()
                .findAll { new LabCompiler().compile(new File(nslab.LabFixtures.examples(), it).toPath()).lab().routers().isEmpty() }
    }

    def "the server-gateway-client plan routes through the gateway: checked with ip and ping"() {
        given:
        def compiled = new LabCompiler().compile(new File(nslab.LabFixtures.examples(), 'server-gateway-client.groovy').toPath())
        def plan = new ShellScriptRenderer().render(compiled.plan())

        when:
        def result = Sandbox.run(plan + '''
set +e
echo "--- routes"; ip -n client route show default
echo "--- forward"; ip netns exec gateway cat /proc/sys/net/ipv4/ip_forward
echo "--- ping"; ip netns exec client ping -c 2 -W 1 192.168.100.1
''')

        then:
        result.out.contains('default via 10.0.100.254 dev cli-veth')
        result.out.contains('--- forward\n1\n')
        result.out =~ /2 packets transmitted, 2 received/
        result.out =~ /ttl=63/      // one hop: the gateway forwarded it
    }

    def "a plan that the kernel refuses stops at the failing command under sh -e"() {
        given: 'a VLAN device, which this machine kernel may lack'
        def compiled = new LabCompiler().compile('vlan.groovy', "namespace 'a' { veth 'eth0' peer 'b'\n vlan 'eth0.10' on 'eth0', id: 10 }\nnamespace 'b'")
        def plan = new ShellScriptRenderer().render(compiled.plan())

        when:
        def result = Sandbox.run(plan + '\necho "=== plan done"\n')
        def hasVlan = Sandbox.run("ip link add name p type dummy 2>/dev/null; ip link add name x type veth peer name y && ip link add name v link x type vlan id 10").exit == 0

        then: 'with 802.1Q support the lab builds; without it the script stops and says so'
        hasVlan ? result.out.contains('=== plan done') : (result.exit != 0 && !result.out.contains('=== plan done'))
    }

    /** A shell snippet that pings each expectation with a short retry for ARP and prints EXPECT n ok|FAILED. */
    static String pings(Lab lab) {
        def out = new StringBuilder()
        lab.expectations().eachWithIndex { e, i ->
            String target = IpPrefix.isAddress(e.target()) ? e.target()
                    : lab.namespace(e.target()).flatMap { it.firstAddress() }.get().prefix().addressText()
            def argv = ['ping', '-c', '1', '-W', '1']
            if (target.contains(':')) argv.add(1, '-6')
            if (e.dev() != null) argv += ['-I', e.dev()]
            argv << target
            if (e.from() != Namespace.HOST) argv = ['ip', 'netns', 'exec', e.from()] + argv
            String cmd = ShellQuoting.join(argv) + ' >/dev/null 2>&1'
            String want = e.reachable() ? '0' : '1'
            out << "got=1; for try in 1 2 3; do if $cmd; then got=0; break; fi; done\n"
            out << "if [ \$got = $want ]; then echo 'EXPECT $i ok'; else echo 'EXPECT $i FAILED: ${e.from()} -> ${e.target()}'; fi\n"
        }
        out.toString()
    }
}
