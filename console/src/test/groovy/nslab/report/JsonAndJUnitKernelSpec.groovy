package nslab.report

import groovy.json.JsonSlurper
import nslab.cli.TraceSandbox
import nslab.render.ShellQuoting
import spock.lang.Shared
import spock.lang.Specification

import static nslab.cli.TraceKernelSpec.outputs

/**
 * The --json documents and the JUnit reports of a real run: the lab is applied in a sandbox, and
 * what the documents say is held against what the kernel says there (plain {@code ip}) and
 * against each other.
 */
class JsonAndJUnitKernelSpec extends Specification {
    /** The README's router without its forward line: the gateway reaches both ends, client and server not each other. */
    static final String BROKEN = new File('../examples/server-gateway-client.groovy').text
            .replace('    forward true\n', '')
            .replaceFirst(/(?s)\nexpect \{.*/, """
expect {
    reach 'gateway' to '192.168.100.1'
    reach 'client' to 'server'
}
""")
    /** Valid, but the kernel has no such setting: the apply fails at its sysctl and rolls back. */
    static final String REFUSED = """lab 'refused'
namespace 'a' { veth 'a0' peer 'b', name: 'b0'; ip '10.0.9.1/24' }
namespace 'b' {
    dev 'b0' { ip '10.0.9.2/24' }
    sysctl 'net.ipv4.nslab_no_such_setting', 1
}
expect { reach 'a' to 'b' }
"""

    @Shared File dir = new File('target/json-junit-kernel').tap { deleteDir(); mkdirs() }
    @Shared File lab = new File(dir, 'broken.groovy').tap { text = BROKEN }
    @Shared File refused = new File(dir, 'refused.groovy').tap { text = REFUSED }
    @Shared Map<String, Map> run

    def setupSpec() {
        def r = TraceSandbox.run("""
nslab plan --json ${lab.path} ';;' apply --json --junit ${dir.path}/apply.xml ${lab.path} ';;' status --json ${lab.path} \
  ';;' status --json ';;' check --json --junit ${dir.path}/check.xml ${lab.path} ';;' trace --json ${lab.path} client server \
  ';;' apply --json --junit ${dir.path}/refused.xml ${refused.path}
for ns in server client gateway; do echo "=== kernel \$ns"; ip -j -n \$ns addr; done
echo "=== netns"; ip netns list
""")
        def steps = ['plan', 'apply', 'status', 'status all', 'check', 'trace', 'refused']
        // The test's JVM (not nslab) may warn on stdout that its perf-data file in the shared /tmp is taken.
        def out = r.out.readLines().findAll { !(it =~ /^\[[\d.]+s\]\[warning\]/) }.join('\n')
        run = [steps, outputs(out).take(steps.size())].transpose().collectEntries { name, o -> [name, o] }
        run.kernel = ['server', 'client', 'gateway'].collectEntries { [it, new JsonSlurper().parseText(r.section("kernel $it"))] }
        run.netns = [text: r.section('netns')]
        assert run.size() == steps.size() + 2: "${r.out}\n${r.err}"
    }

    def cleanupSpec() {
        dir.deleteDir()
    }

    /** An interface's addresses as `ip -j addr` gives them, without the IPv6 link-local ones status leaves out. */
    static Set<String> addresses(Map link) {
        link.addr_info.findAll { !(it.family == 'inet6' && it.scope == 'link') }.collect { "${it.local}/${it.prefixlen}".toString() } as Set
    }

    static Map json(Map out) {
        new JsonSlurper().parseText(out.text.readLines().last()) as Map
    }

    def "each document is one JSON object on stdout, named by its format and version, beside the usual exit status"() {
        expect:
        run[step].exit == exit
        run[step].text.readLines().size() == 1
        json(run[step]).format == format

        where:
        step         || exit | format
        'plan'       || 0    | 'nslab.plan/1'
        'apply'      || 4    | 'nslab.apply/1'
        'status'     || 0    | 'nslab.status/1'
        'status all' || 0    | 'nslab.status/1'
        'check'      || 4    | 'nslab.check/1'
        'trace'      || 4    | 'nslab.trace/1'
        'refused'    || 3    | 'nslab.apply/1'
    }

    def "every field of the documents is on the reference page, and every field the page lists is written"() {
        given: 'apply\'s check holds the fields of check\'s document; back[] the fields of there[]'
        Map<String, Set<String>> written = [:].withDefault { [] as Set }
        ['status', 'status all', 'check', 'apply', 'trace', 'refused'].each { step ->
            def document = json(run[step])
            ReferencePage.paths(document).each { path ->
                if (document.format == 'nslab.apply/1' && path.startsWith('check.')) {
                    written['nslab.check/1'] << path.substring('check.'.length())
                } else {
                    written[document.format] << path.replaceFirst(/^back\[\]/, 'there[]')
                }
            }
        }

        expect:
        written[format] - ReferencePage.fields(format) == [] as Set
        ReferencePage.fields(format) - ReferencePage.fields(format, true) - written[format] == [] as Set

        where:
        format << ['nslab.status/1', 'nslab.check/1', 'nslab.apply/1', 'nslab.trace/1']
    }

    def "plan: each step with its lab line, namespace, argv and undo; apply ran exactly those commands"() {
        given:
        def plan = json(run.plan)
        def apply = json(run.apply)
        def add = plan.steps.find { it.argv == ['ip', 'netns', 'add', 'gateway'] }

        expect:
        plan.lab == 'server-gateway-client'
        add.namespace == null
        add.undo == ['ip', 'netns', 'del', 'gateway']
        add.line == "namespace 'gateway' {"
        add.source == [file: lab.path, line: BROKEN.readLines().findIndexOf { it == "namespace 'gateway' {" } + 1]
        plan.steps.find { it.argv.contains('192.168.100.1/24') }.namespace == 'server'
        plan.steps*.index == (1..plan.steps.size()).toList()

        and: 'what apply ran is the plan, as a shell reads it'
        apply.status == 'applied'
        apply.planned == plan.steps.size()
        apply.ran as Set == plan.steps.collect { ShellQuoting.join(it.argv) } as Set
        apply.undone == [] && apply.conflicts == [] && apply.failure == null
        apply.timing.applyMs >= 0
    }

    def "status: the namespaces, interfaces, addresses and routes are the kernel's"() {
        given:
        def one = json(run.status).labs
        def all = json(run['status all']).labs

        expect:
        one*.lab == ['server-gateway-client']
        all == one
        one[0].namespaces.keySet() == ['server', 'client', 'gateway'] as Set
        one[0].namespaces.every { ns, shown -> shown.present }
        one[0].namespaces.collectEntries { ns, shown -> [ns, shown.interfaces.collectEntries { [it.name, it.addresses as Set] }] } ==
                run.kernel.collectEntries { ns, links -> [ns, links.collectEntries { [it.ifname, addresses(it)] }] }
        one[0].namespaces.server.routes.contains('default via 192.168.100.254 dev svr-veth')
    }

    def "check and apply: each expectation with expected, got, the trace's verdict and the probe"() {
        given:
        def check = json(run.check)
        def applied = json(run.apply).check

        expect:
        [check.lab, check.live, check.ok, check.total, check.failed] == ['server-gateway-client', true, false, 2, 1]
        check.expectations.collect { [it.from, it.to, it.address, it.expected, it.got, it.ok] } == [
                ['gateway', '192.168.100.1', '192.168.100.1', 'reachable', 'reachable', true],
                ['client', 'server', '192.168.100.1', 'reachable', 'unreachable', false]]
        check.expectations[1].verdict == "dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'"
        check.expectations[1].probe.startsWith('$ ip netns exec client ping -c 1 -W 1 192.168.100.1')
        check.expectations[0].verdict == null

        and: 'apply checked the same'
        applied.expectations*.got == check.expectations*.got
        applied.failed == 1
    }

    def "trace: the same walk as data, versioned like the others"() {
        given:
        def t = json(run.trace)

        expect:
        !t.ok && t.live && t.confirmed == false
        t.there*.namespace == ['client', 'gateway']
        t.verdict == 'dropped in gateway: forwarding is off'
    }

    def "an apply the kernel refuses: status failed, the command and the kernel's message, nothing left"() {
        given:
        def a = json(run.refused)

        expect:
        a.status == 'failed'
        !a.ok
        a.failure.command.contains('nslab_no_such_setting')
        a.failure.restored
        a.failure.source.line == REFUSED.readLines().findIndexOf { it.contains('nslab_no_such_setting') } + 1
        a.check == null
        run.refused.text.readLines().size() == 1 // the human message went to stderr

        and: 'the kernel has none of its namespaces'
        !(run.netns.text =~ /(?m)^[ab]\b/)
    }

    def "the JUnit report: a testsuite for the lab, a case per expectation, the failure with the probe's output"() {
        given:
        def report = JUnitXml.read(new File(dir, file))
        def suite = report.suites[0]
        def cases = suite.cases.collectEntries { [it.name, it] }
        def held = cases['gateway reaches 192.168.100.1']
        def failed = cases['client reaches server']

        expect:
        report.root == 'testsuites'
        report.suites.size() == 1
        suite.name == 'server-gateway-client'
        suite.tests as int == tests
        suite.failures == '1'
        suite.errors == '0'
        cases.keySet() as List == names
        cases.values().every { it.classname == 'server-gateway-client' }

        and: 'the expectation that holds passes, and says where it is written'
        held.outcome == []
        held.file == lab.path
        held.line as int == BROKEN.readLines().findIndexOf { it.contains("reach 'gateway'") } + 1

        and: 'the one that does not fails with what ping printed and why the trace says it stops'
        failed.outcome*.kind == ['failure']
        failed.outcome[0].message == 'expected reachable, got unreachable (192.168.100.1)'
        failed.outcome[0].text.contains('$ ip netns exec client ping -c 1 -W 1 192.168.100.1')
        failed.outcome[0].text.contains('1 packets transmitted, 0 received')
        failed.outcome[0].text.contains('trace: dropped in gateway: forwarding is off')

        where:
        file        || tests | names
        'apply.xml' || 3     | ['apply', 'gateway reaches 192.168.100.1', 'client reaches server']
        'check.xml' || 2     | ['gateway reaches 192.168.100.1', 'client reaches server']
    }

    def "the JUnit report of a refused apply: an error with the kernel's message, the expectations skipped"() {
        given:
        def suite = JUnitXml.read(new File(dir, 'refused.xml')).suites[0]
        def cases = suite.cases.collectEntries { [it.name, it] }

        expect:
        suite.errors == '1'
        suite.skipped == '1'
        cases.apply.outcome*.kind == ['error']
        cases.apply.outcome[0].type == 'failed'
        cases.apply.outcome[0].text.contains('the kernel refused')
        cases.apply.outcome[0].text.contains('nslab_no_such_setting')
        cases['a reaches b'].outcome*.kind == ['skipped']
        cases['a reaches b'].outcome[0].message == 'not run: the apply failed'
    }
}
