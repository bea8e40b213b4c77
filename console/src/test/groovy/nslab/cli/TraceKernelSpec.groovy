package nslab.cli

import spock.lang.Specification

/**
 * trace on real labs, each applied in a sandbox: where the packet goes, where it stops, the
 * namespace and the lab line of the decisive step, and exit 0 only when the probe gets there and back.
 */
class TraceKernelSpec extends Specification {
    /** The README's lab (a client and a server on two links of a router), without its expectations. */
    static final String ROUTED = new File('../examples/server-gateway-client.groovy').text.replaceFirst(/(?s)\nexpect \{.*/, '\n')
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

    def "where the probe and the kernel's tables disagree, it says so, and the probe decides the exit status"() {
        given: 'a rule added by hand that the walk cannot read: it drops echoes of 70 to 80 bytes, as the probe is'
        def file = TraceSandbox.labFile(ROUTED)

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path}
ip netns exec gateway iptables -A FORWARD -p icmp -m length --length 70:80 -j DROP
nslab trace ${file.path} client server
""")
        def (apply, trace) = outputs(r.out)

        then:
        apply.exit == 0
        trace.exit == 4
        trace.text =~ /(?m)^  gateway  in cligw-veth  out svrgw-veth  forwards .*\[probe not counted\]$/
        trace.text.contains('STOPPED: the ping got no answer, although the kernel\'s tables let it there and back')
        trace.text.contains('probe: no answer\n')
        trace.text.contains('DISAGREE: the kernel\'s tables let the packet through, but the probe was not counted through gateway (in by cligw-veth)'
                + ' (the walk cannot read `-A FORWARD -p icmp -m length --length 70:80 -j DROP` in gateway)')
    }

    def "where the walk stops but the probe gets its answer, the verdict is the kernel's and calls the walk wrong"() {
        given: 'a rule added by hand that the walk cannot read: it accepts echoes of 70 to 80 bytes before the lab drops the rest'
        def file = TraceSandbox.labFile(DROP)

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path}
ip netns exec gateway iptables -I FORWARD -p icmp -m length --length 70:80 -j ACCEPT
nslab trace ${file.path} client server
""")
        def (apply, trace) = outputs(r.out)

        then: 'exit 0, as the probe got its answer; the stop of the walk is shown as wrong, with no fix'
        apply.exit == 0
        trace.exit == 0
        trace.text.contains("ok: the ping got its answer: the kernel let it there and back, so the walk is wrong where it stopped"
                + " (it said: dropped in gateway by `drop in: 'cligw-veth'`")
        !trace.text.contains('fix:')
        trace.text.contains('probe: answered\n')
        trace.text.contains('DISAGREE: the walk stops, but the probe got its answer: something the walk does not read let it through'
                + ' (the walk cannot read `-A FORWARD -p icmp -m length --length 70:80 -j ACCEPT` in gateway)')
    }

    static final String SIX = """lab 'six'
namespace 'server' {
    veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
    ip '2001:db8:100::1/64'
    ip '192.168.100.1/24'
    gateway '2001:db8:100::254'
}
namespace 'client' {
    veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
    ip '2001:db8:1::1/64'
    ip '10.0.100.1/24'
    gateway '2001:db8:1::254'
}
namespace 'gateway' {
    forward true
    dev 'svrgw-veth' { ip '2001:db8:100::254/64' }
    dev 'cligw-veth' { ip '2001:db8:1::254/64' }
}
"""

    def "an IPv6 routed lab: trace -6 follows the packet through the router and back"() {
        given:
        def file = TraceSandbox.labFile(SIX)
        def forward = "${file.path}:${TraceSandbox.lineOf(SIX, 'forward true')}"

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path}
nslab trace -6 ${file.path} client server ';;' trace -6 --json ${file.path} client server
""")
        def (apply, trace, json) = outputs(r.out)
        def data = new groovy.json.JsonSlurper().parseText(json.text)

        then:
        apply.exit == 0
        trace.exit == 0
        trace.text.contains('trace client -> server (2001:db8:100::1), ping')
        trace.text.contains('  client   out cli-veth  sends to 2001:db8:100::1 via 2001:db8:1::254 out of cli-veth')
        hopAtLine(trace.text, 'client', "${file.path}:${TraceSandbox.lineOf(SIX, "gateway '2001:db8:1::254'")}")
        trace.text.contains("  gateway  in cligw-veth  out svrgw-veth  forwards to 2001:db8:100::1 straight out of svrgw-veth (on its link); forwarding on ($forward)")
        hopAtLine(trace.text, 'server', "${file.path}:${TraceSandbox.lineOf(SIX, "ip '2001:db8:100::1/64'")}")
        trace.text.contains('probe: answered, as the walk says')

        and: '--json gives the same hops as data'
        json.exit == 0
        data.ok && data.live && data.confirmed && data.probe.ipv6
        data.there*.namespace == ['client', 'gateway', 'server']
        data.back*.namespace == ['server', 'gateway', 'client']
        data.there*.seen == [true, true, true]
        data.there[1].kind == 'forward'
    }

    static final String TCP = """lab 'tcp'
namespace 'client' { veth 'c0' peer 'server', name: 's0'; ip '10.0.7.1/24' }
namespace 'server' {
    dev 's0' { ip '10.0.7.2/24' }
    run 'python3 -m http.server 8080 --bind 10.0.7.2'
}
"""

    def "--tcp #port to a namespace #listener exits #exit"() {
        given:
        def file = TraceSandbox.labFile(TCP)
        def where = "${file.path}:${TraceSandbox.lineOf(TCP, line)}"

        when: 'the server is given time to start listening, and destroy stops it (a sandbox without its own pid namespace would leave it running)'
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path}
for i in \$(seq 50); do ip netns exec server ss -Hltn | grep -q ':8080 ' && break; sleep 0.2; done
nslab trace --tcp $port ${file.path} client server ';;' destroy tcp
""")
        def (apply, trace, destroy) = outputs(r.out)

        then:
        apply.exit == 0
        trace.exit == exit
        destroy.exit == 0
        hopAtLine(trace.text, 'server', where)
        says.every { trace.text.contains(it) }

        where:
        port | listener                     || exit | line                          | says
        8080 | 'where the run line listens' || 0    | "run 'python3 -m http.server" | ['a program listens on TCP port 8080', 'ok: reaches server (10.0.7.2) in server', 'probe: connected, as the walk says']
        8081 | 'where nothing listens'      || 4    | "dev 's0'"                    | ['nothing listens on TCP port 8081', 'STOPPED: refused in server: nothing listens on TCP port 8081', "fix: start a server there, e.g. add `run 'python3 -m http.server 8081'` to namespace 'server'", 'probe: not connected, as the walk says']
    }

    def "a failing check prints, under its table, the trace's verdict for each failed expectation"() {
        given:
        def lab = NO_FORWARD + '''expect {
    reach 'client' to 'server'
    reach 'gateway' to 'server'
    reach 'server' to 'client'
}
'''
        def file = TraceSandbox.labFile(lab)

        when:
        def r = TraceSandbox.run("nslab apply ${file.path} ';;' check ${file.path}")
        def (apply, check) = outputs(r.out)

        then: 'apply runs the expectations and explains each failure the same way'
        [apply, check].every { it.exit == 4 }
        [apply, check].every {
            it.text.contains("  client -> server: dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'")
        }
        [apply, check].every {
            it.text.contains("  server -> client: dropped in gateway: forwarding is off — add `forward true` to namespace 'gateway'")
        }
        [apply, check].every { !it.text.contains('gateway -> server') }
    }

    def "a check's failed pairs are traced side by side: each gets its own verdict, and four more cost little more than one"() {
        given: 'the server has no way back to the client, and three addresses nobody has'
        def base = ROUTED.replace("    gateway '192.168.100.254'\n", '')
        def one = TraceSandbox.labFile(base + "expect {\n    reach 'client' to 'server'\n}\n", 'one')
        def five = TraceSandbox.labFile(base + """expect {
    reach 'client' to 'server'
    reach 'client' to '10.0.100.77'
    reach 'client' to '192.168.100.77'
    reach 'gateway' to '10.0.100.78'
    reach 'server' to 'client'
    reach 'gateway' to 'server'
}
""", 'five')

        when: 'each is checked three times, timed as a whole command'
        def timed = { File f -> "for i in 1 2 3; do s=\$(date +%s%N); nslab check ${f.path} >/run/out 2>&1; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 )); done" }
        def r = TraceSandbox.run("""
nslab apply --no-check ${one.path} >/dev/null
echo "=== one"; ${timed(one)}
nslab destroy ${one.path} >/dev/null; nslab apply --no-check ${five.path} >/dev/null
echo "=== five"; ${timed(five)}
echo "=== output"; cat /run/out
""")
        def median = { String section -> r.section(section).readLines()*.toInteger().sort()[1] }
        def out = r.section('output')

        then: 'every failed pair has the verdict of its own trace'
        out.contains("  client -> server: no route back")
        out.contains("  client -> 10.0.100.77: no ARP answer for 10.0.100.77 on cli-veth in client")
        out.contains("  client -> 192.168.100.77: no ARP answer for 192.168.100.77 on svrgw-veth in gateway")
        out.contains("  gateway -> 10.0.100.78: no ARP answer for 10.0.100.78 on cligw-veth in gateway")
        out.contains("  server -> client: no route")
        !out.contains('gateway -> server')

        and: 'no probe was counted by another trace: the probes and the walks agree'
        !out.contains('probe')

        and: 'the four more traces ran beside the first'
        median('five') - median('one') < 600
    }
}
