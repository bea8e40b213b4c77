package nslab.console

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * {@code link A B up} in a live console puts back the lab's routes that the kernel dropped when
 * the link went down (client's default route through the gateway), so a real ping answers and
 * check finds the lab as its script has it; inside a private user + network + mount namespace.
 */
@Timeout(150)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class SandboxLinkRoutesSpec extends Specification {
    SandboxedConsole console

    def setup() {
        console = SandboxedConsole.start(['--live'], 'nslab live> ')
        enter("namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'; ip '192.168.100.1/24'; gateway '192.168.100.254' }")
        enter("namespace 'client' { veth 'cli-veth' peer 'gateway', name: 'cligw-veth'; ip '10.0.100.1/24'; gateway '10.0.100.254' }")
        enter("namespace 'gateway' { forward true; dev 'svrgw-veth' { ip '192.168.100.254/24' }; dev 'cligw-veth' { ip '10.0.100.254/24' } }")
        enter("expect { reach 'client' to 'server' }")
    }

    def cleanup() {
        console?.close()
    }

    String enter(String line) {
        console.enter(line, 'nslab live> ', 30000)
    }

    def "link client gateway down then up brings client's default route back with the link"() {
        when: 'the link goes down: the kernel drops the default route through it'
        enter('link client gateway down')
        String lost = enter('client ip route')
        String drifted = enter('check')
        String tracedDown = enter('trace client server')

        then:
        !lost.contains('default')
        tracedDown.contains('STOPPED: no route from client to 192.168.100.1: cli-veth is down')
        tracedDown.contains('fix: `link client gateway up` at the console')
        tracedDown.contains('probe: no answer, as the walk says')
        drifted.contains('client: cli-veth is down; the script has it up')
        drifted.contains('client: route default via 10.0.100.254 is missing')

        when: 'it comes up again'
        String up = enter('link client gateway up')
        String routes = enter('client ip route')
        String ping = enter('client ping -c1 -W2 server')
        String checked = enter('check')
        String traced = enter('trace client server')

        then: 'the route is back, the ping answers, check finds nothing amiss and the walk agrees with the ping'
        up.contains('ip -n client route add default via 10.0.100.254')
        up.contains('link: put back 1 route of the lab that went down with the link')
        routes.contains('default via 10.0.100.254 dev cli-veth')
        ping.contains('1 received')
        checked.contains('the 1 expectation holds')
        !checked.contains('is not as its script has it')
        traced.contains('ok: reaches server (192.168.100.1) in server and the answer comes back')
        traced.contains('probe: answered, as the walk says')
    }
}
