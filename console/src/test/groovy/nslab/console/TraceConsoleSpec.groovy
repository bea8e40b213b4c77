package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * trace FROM TO in the console, on the session's live lab in a sandboxed console, and check's
 * failures followed by their trace's verdict.
 */
@Timeout(180)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class TraceConsoleSpec extends Specification {
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line, long timeout = 60000) {
        console.enter(line, 'nslab live> ', timeout)
    }

    def "trace follows the packet through the session's router; without forwarding, check says why its expectations fail"() {
        given: 'a client and a server on two links of a router that does not forward yet'
        enter("namespace 'gateway'")
        enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1/24'; gateway '192.168.100.254' }")
        enter("namespace 'client' { veth 'cli-veth' peer 'gateway', name: 'cligw-veth'; ip '10.0.100.1/24'; gateway '10.0.100.254' }")
        enter("namespace 'gateway' { dev 'svrgw-veth' { ip '192.168.100.254/24' }; dev 'cligw-veth' { ip '10.0.100.254/24' } }")
        enter("expect { reach 'client' to 'server' }")

        when:
        String stopped = enter('trace client server')
        String check = enter('check')

        then:
        stopped.contains('STOPPED: dropped in gateway: forwarding is off')
        stopped.contains("fix: add `forward true` to namespace 'gateway'")
        check.contains('FAIL')
        check.contains("dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'")

        when:
        enter("namespace 'gateway' { forward true }")
        String through = enter('trace client server')

        then:
        through.contains('  gateway  in cligw-veth  out svrgw-veth  forwards to 192.168.100.1')
        through.contains('<console>')
        through.contains('ok: reaches server (192.168.100.1) in server and the answer comes back')
        through.contains('probe: answered, as the walk says')
    }

    def "a link taken down at the console: trace names it and gives the console's own line to bring it up"() {
        given: 'the routed lab, live, and the cable between gateway and server taken down at run time'
        enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1/24'; gateway '192.168.100.254' }")
        enter("namespace 'client' { veth 'cli-veth' peer 'gateway', name: 'cligw-veth'; ip '10.0.100.1/24'; gateway '10.0.100.254' }")
        enter("namespace 'gateway' { forward true; dev 'svrgw-veth' { ip '192.168.100.254/24' }; dev 'cligw-veth' { ip '10.0.100.254/24' } }")
        enter('link server gateway down')

        when:
        String down = enter('trace client server')
        String fix = (down =~ /(?m)^fix: `(link \S+ \S+ up)` at the console/).with { it.find() ? it.group(1) : null }

        then: 'the walk stops where the kernel does, at the interface that is down, and the fix is a console line'
        down.contains('STOPPED: no route from gateway to 192.168.100.1: svrgw-veth is down')
        down.contains('probe: no answer, as the walk says')
        fix == 'link gateway server up'

        when: 'the fix is entered'
        enter(fix)
        String up = enter('trace client server')

        then: 'the link no longer stops the packet, and the walk and the probe agree on what comes next'
        !up.contains('is down')
        up.contains('  gateway  in cligw-veth  out svrgw-veth  forwards to 192.168.100.1')
        up.contains('as the walk says')
    }

    def "the README's broken router, made as the README says, traces as the README shows"() {
        given: "grep -v 'forward true' examples/server-gateway-client.groovy > broken-router.groovy"
        File dir = File.createTempDir('nslab-readme', '')
        File broken = new File(dir, 'broken-router.groovy')
        broken.text = new File('../examples/server-gateway-client.groovy').readLines().findAll { !it.contains('forward true') }.join('\n') + '\n'
        File readme = new File('../README.md')

        when:
        enter("load ${broken}")
        String applied = enter('apply')
        String traced = enter('trace client server')

        then: "check's verdicts and the trace's lines, as the README prints them"
        applied.contains('2 of 4 expectations failed')
        readme.text.contains("  client -> server: dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'")
        applied.contains("  client -> server: dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'")
        ["broken-router.groovy:14  gateway '10.0.100.254'", "broken-router.groovy:17  namespace 'gateway' {",
         'STOPPED: dropped in gateway: forwarding is off', "fix: add `forward true` to namespace 'gateway'"].every {
            readme.text.contains(it) && traced.contains(it)
        }

        cleanup:
        dir.deleteDir()
    }
}
