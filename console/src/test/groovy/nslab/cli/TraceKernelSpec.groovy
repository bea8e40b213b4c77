package nslab.cli

import spock.lang.Specification

/**
 * trace on real labs, each applied in a sandbox: where the packet goes, where it stops, the
 * namespace and the lab line of the decisive step, and exit 0 only when the probe gets there and back.
 */
class TraceKernelSpec extends Specification {
    static final String ROUTED = '''lab 'routed'
namespace 'server' {
    veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
    ip '192.168.100.1/24'
    gateway '192.168.100.254'
}
namespace 'client' {
    veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
    ip '10.0.100.1/24'
    gateway '10.0.100.254'
}
namespace 'gateway' {
    forward true
    dev 'svrgw-veth' { ip '192.168.100.254/24' }
    dev 'cligw-veth' { ip '10.0.100.254/24' }
}
'''
    static final String NO_FORWARD = ROUTED.replace('    forward true\n', '')
    static final String NO_RETURN_ROUTE = ROUTED.replace("    gateway '192.168.100.254'\n", '')
    static final String DROP = ROUTED.replace('    forward true\n', "    forward true\n    drop in: 'cligw-veth'\n")
    static final String MASQUERADE = new File('../examples/veth-nat-gateway.groovy').text
    static final String BRIDGE = new File('../examples/bridge.groovy').text
    static final String VETH_PAIRS = new File('../examples/veth-pairs.groovy').text
    static final String VETH_PAIRS_BARE = '''lab 'veth-pair-bare'
namespace 'single' {
    veth 'veth0' peer 'veth1'
    ip '10.10.0.1/24'
    dev 'veth1' { ip '10.10.0.2/24' }
}
'''

    /** The output of each command of the sequence, with its exit status. */
    static List<Map> outputs(String out) {
        def results = []
        def text = []
        out.readLines().each { line ->
            def m = line =~ /^=== exit (\d+)$/
            if (m) { results << [text: text.join('\n'), exit: m[0][1] as int]; text = [] } else text << line
        }
        results
    }

    /** Whether a hop of namespace {@code ns} is followed by the lab line {@code file:number}. */
    static boolean hopAtLine(String trace, String ns, String where) {
        def lines = trace.readLines()
        (0..<lines.size() - 1).any { i -> lines[i] =~ /^  ${ns}\s/ && lines[i + 1].contains(where) }
    }

    def "#what: trace #args exits #exit, naming #ns and the line of the decisive step"() {
        given:
        def file = TraceSandbox.labFile(lab)
        def where = "${file.path}:${TraceSandbox.lineOf(lab, line)}"

        when:
        def r = TraceSandbox.run("nslab apply --no-check ${file.path} ';;' trace ${file.path} $args")
        def (apply, trace) = outputs(r.out)

        then:
        apply.exit == 0
        trace.exit == exit
        hopAtLine(trace.text, ns, where)
        says.every { trace.text.contains(it) }
        trace.text.contains(exit == 0 ? 'probe: answered, as the walk says' : 'probe: no answer, as the walk says')
        !trace.text.contains('DISAGREE')

        where:
        what                             | lab             | args                            || exit | ns        | line                            | says
        'a routed lab that works'        | ROUTED          | 'client server'                 || 0    | 'gateway' | "dev 'svrgw-veth'"              | ['  client   out cli-veth  sends to 192.168.100.1 via 10.0.100.254', '  gateway  in cligw-veth  out svrgw-veth  forwards', '  server   in svr-veth  delivered', 'back:', '  server   out svr-veth', '  gateway  in svrgw-veth  out cligw-veth', '  client   in cli-veth  delivered', 'ok: reaches server (192.168.100.1) in server and the answer comes back']
        'the router without forward'     | NO_FORWARD      | 'client server'                 || 4    | 'gateway' | "namespace 'gateway'"           | ['STOPPED: dropped in gateway: forwarding is off', "fix: add `forward true` to namespace 'gateway'"]
        'a missing return route'         | NO_RETURN_ROUTE | 'client server'                 || 4    | 'server'  | "namespace 'server'"            | ['  server   in svr-veth  delivered', 'STOPPED: no route back from server to 10.0.100.1', "fix: add `gateway '192.168.100.254'` to namespace 'server'"]
        'a drop rule in the router'      | DROP            | 'client server'                 || 4    | 'gateway' | "drop in: 'cligw-veth'"         | ["STOPPED: dropped in gateway by `drop in: 'cligw-veth'`"]
        'masquerade'                     | MASQUERADE      | 'container001 internet'         || 0    | 'host'    | "ip '198.51.100.1/24'"          | ['masquerade: the source 192.168.8.2 becomes 198.51.100.1', 'conntrack undoes the masquerade: the destination 198.51.100.1 becomes 192.168.8.2 again', 'ok: reaches internet (198.51.100.2)']
        'a bridge between two'           | BRIDGE          | 'net0 net1'                     || 0    | 'bridge'  | "bridge 'br'"                   | ['bridge br switches the frame from port bridge-net0 to port bridge-net1', 'bridge br switches the frame from port bridge-net1 to port bridge-net0']
        'veth pair in one namespace'     | VETH_PAIRS_BARE | 'single 10.10.0.2 --dev veth0'  || 4    | 'single'  | "veth 'veth0' peer 'veth1'"     | ['STOPPED: no ARP answer for 10.10.0.2 on veth0 (arp_ignore=0, accept_local=0)', "fix: add `sysctl 'net.ipv4.conf.veth1.accept_local', 1` to namespace 'single'"]
        'the same with its sysctls'      | VETH_PAIRS      | 'single 10.10.0.2 --dev veth0'  || 0    | 'single'  | "dev 'veth1'"                   | ['  single  in veth1  delivered', 'ok: reaches 10.10.0.2 in single']
    }
}
