package nslab.report

import groovy.json.JsonSlurper
import nslab.cli.TraceSandbox
import spock.lang.Specification

import static nslab.cli.TraceKernelSpec.outputs

/**
 * The drift that status and check print for people is in their --json documents too, as data:
 * the README's router applied, then changed by hand in three ways (a link taken down and up,
 * which drops the default route with it; forwarding turned off; an address the lab does not
 * give), and each way is one entry of {@code drift} with its kind, namespace, object and values.
 */
class DriftJsonKernelSpec extends Specification {

    def "status --json and check --json carry each drift the text shows, as kind, namespace, object, expected and actual"() {
        given:
        def dir = File.createTempDir('nslab-drift', '')
        def lab = new File(dir, 'sgc.groovy')
        lab.text = new File('../examples/server-gateway-client.groovy').text

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${lab.path} >/dev/null
ip -n client link set cli-veth down; ip -n client link set cli-veth up
ip netns exec gateway sysctl -qw net.ipv4.ip_forward=0
ip -n server addr add 10.9.9.9/32 dev svr-veth
nslab status ${lab.path} ';;' status --json ${lab.path} ';;' check --json ${lab.path}
""")
        def (text, status, check) = outputs(r.out.readLines().findAll { !(it =~ /^\[[\d.]+s\]\[warning\]/) }.join('\n'))
        def byStatus = new JsonSlurper().parseText(status.text).labs[0].drift
        def byCheck = new JsonSlurper().parseText(check.text).drift
        def shown = text.text.readLines().dropWhile { !it.startsWith('lab server-gateway-client is not as its script has it') }
                .drop(1).takeWhile { it.startsWith('  ') }
        dir.deleteDir()

        then: 'the text names three drifts'
        shown.size() == 3

        and: 'status --json has the same three, as data'
        byStatus.size() == shown.size()
        byStatus.find { it.kind == 'route_missing' }.subMap('namespace', 'object', 'expected', 'actual', 'restorable') ==
                [namespace: 'client', object: 'default', expected: '10.0.100.254', actual: null, restorable: true]
        byStatus.find { it.kind == 'route_missing' }.source.line == 14
        byStatus.find { it.kind == 'sysctl_differs' }.subMap('namespace', 'object', 'expected', 'actual', 'restorable') ==
                [namespace: 'gateway', object: 'net.ipv4.ip_forward', expected: '1', actual: '0', restorable: true]
        byStatus.find { it.kind == 'extra_address' }.subMap('namespace', 'object', 'expected', 'actual', 'restorable', 'source') ==
                [namespace: 'server', object: '10.9.9.9/32 on svr-veth', expected: null, actual: null, restorable: false, source: null]

        and: 'each entry is the one the text shows for its namespace'
        byStatus.every { d -> shown.any { it.startsWith("  ${d.namespace}: ") && it.contains(d.object) } }

        and: 'check --json carries the same list'
        byCheck == byStatus
    }
}
