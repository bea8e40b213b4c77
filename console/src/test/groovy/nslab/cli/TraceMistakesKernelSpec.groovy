package nslab.cli

import spock.lang.Specification

/**
 * The mistakes learners make, each built in a sandbox: trace's verdict against a real ping (the
 * kernel's own), then the fix trace prints, parsed from its output and written into the lab (or
 * run, for what the lab did not make), applied in a fresh sandbox, where the expectation holds.
 */
class TraceMistakesKernelSpec extends Specification {
    static final String ROUTED = TraceKernelSpec.ROUTED
    /** client has two cables, to r1 (its default route) and r2; server answers through r2. */
    static final String TWO_WAYS = '''lab 'two-ways'
namespace 'client' {
    veth 'c1' peer 'r1', name: 'r1c'
    ip '10.0.1.1/24'
    veth 'c2' peer 'r2', name: 'r2c'
    ip '10.0.2.1/24'
    gateway '10.0.1.254'
}
namespace 'r1' {
    forward true
    dev 'r1c' { ip '10.0.1.254/24' }
    veth 'r1s' peer 'server', name: 's1'
    ip '10.0.3.254/24'
}
namespace 'r2' {
    forward true
    dev 'r2c' { ip '10.0.2.254/24' }
    veth 'r2s' peer 'server', name: 's2'
    ip '10.0.4.254/24'
    route '10.0.1.0/24' via '10.0.2.1'
}
namespace 'server' {
    dev 's1' { ip '10.0.3.1/24' }
    dev 's2' { ip '10.0.4.1/24' }
    gateway '10.0.4.254'
}
'''
    static final String NAT = '''lab 'nat'
namespace 'client' {
    veth 'lan0' peer 'gw', name: 'lan'
    ip '192.168.1.2/24'
    gateway '192.168.1.1'
}
namespace 'gw' {
    forward true
    dev 'lan' { ip '192.168.1.1/24' }
    veth 'wan' peer 'internet', name: 'eth0'
    ip '198.51.100.1/24'
}
namespace 'internet' {
    dev 'eth0' { ip '198.51.100.2/24' }
}
'''

    /** The output of each command, with its exit status (nslab's own and the shell's `=== exit N`). */
    static List<Map> outputs(String out) {
        TraceKernelSpec.outputs(out)
    }

    /** The lab with the fix written into it, or null when the fix is no line of the lab. */
    static String withFix(String lab, String fix) {
        String first = fix.split(/; or /)[0]
        def lines = lab.readLines()
        def m = first =~ /^add `(.+?)` to namespace '(.+?)'/
        if (m.find()) return lab + "namespace '${m.group(2)}' {\n    ${m.group(1)}\n}\n"
        m = first =~ /^add `(.+?)` to `host \{ \}`/
        if (m.find()) {
            int host = lines.findIndexOf { it ==~ /^host \{.*/ }
            if (host < 0) return lab + "host {\n    ${m.group(1)}\n}\n"
            lines.add(host + 1, '    ' + m.group(1))
            return lines.join('\n') + '\n'
        }
        m = first =~ /^change `(.+?)` \(.+?:(\d+)\) to `(.+?)`/
        if (m.find()) {
            int n = m.group(2) as int
            assert lines[n - 1].contains(m.group(1))
            lines[n - 1] = lines[n - 1].replace(m.group(1), m.group(3))
            return lines.join('\n') + '\n'
        }
        m = first =~ /^remove `down` from .+?:(\d+)/
        if (m.find()) {
            int n = m.group(1) as int
            lines[n - 1] = lines[n - 1].replaceFirst(/;\s*down\b/, '').replaceFirst(/^\s*down\s*$/, '')
            return lines.join('\n') + '\n'
        }
        m = first =~ /^remove or narrow `(.+?)` \(.+?:(\d+)\)/
        if (m.find()) {
            int n = m.group(2) as int
            assert lines[n - 1].contains(m.group(1))
            lines.remove(n - 1)
            return lines.join('\n') + '\n'
        }
        null
    }

    /** A fix that is a command to run in a namespace (for what the lab did not make), as a shell line. */
    static String fixCommand(String fix) {
        def m = fix =~ /run `(.+?)` in (\S+) /
        m.find() ? "ip netns exec ${m.group(2)} ${m.group(1)}" : null
    }

    def "#mistake: trace says '#says' as ping fails, and its fix makes the expectation hold"() {
        given:
        def file = TraceSandbox.labFile(lab)
        def address = address(lab, to)

        when: 'the mistake is built, pinged for real and traced'
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path} >/dev/null; echo "=== exit \$?"
$byHand
ip netns exec $from ping -c1 -W1 $address >/dev/null 2>&1; echo "=== exit \$?"
nslab trace ${file.path} $from $to
""")
        def (apply, ping, trace) = outputs(r.out)
        def fix = (trace.text =~ /(?m)^fix: (.*)$/).with { it.find() ? it.group(1) : null }

        then: 'the kernel does not answer, and trace says why, agreeing with it'
        apply.exit == 0
        ping.exit != 0
        trace.exit == 4
        trace.text.contains('STOPPED: ' + says)
        trace.text.contains('probe: no answer, as the walk says')
        fix != null

        when: 'the fix is written into the lab (or run), and the lab applied afresh with the expectation'
        def fixed = withFix(lab, fix)
        def command = fixed == null ? fixCommand(fix) : null
        def checked = TraceSandbox.labFile((fixed ?: lab) + "expect {\n    reach '$from' to '$to'\n}\n")
        def again = TraceSandbox.run("""
nslab apply --no-check ${checked.path} >/dev/null; echo "=== exit \$?"
$byHand
${command ?: 'true'}
ip netns exec $from ping -c1 -W1 $address >/dev/null 2>&1; echo "=== exit \$?"
nslab check ${checked.path} ';;' trace ${checked.path} $from $to
""")
        def (apply2, ping2, check, trace2) = outputs(again.out)

        then: 'the expectation holds, ping and trace agree'
        fixed != null || command != null
        apply2.exit == 0
        ping2.exit == 0
        check.exit == 0
        trace2.exit == 0
        trace2.text.contains('probe: answered, as the walk says')

        where:
        mistake                              | lab                                                                                    | byHand                                                  | from     | to         || says
        'a mistyped gateway'                 | ROUTED.replace("gateway '192.168.100.254'", "gateway '192.168.100.253'")               | ''                                                      | 'client' | 'server'   || 'no ARP answer for 192.168.100.253 on svr-veth in server'
        'no return route'                    | ROUTED.replace("    gateway '192.168.100.254'\n", '')                                 | ''                                                      | 'client' | 'server'   || 'no route back from server to 10.0.100.1'
        'a declared down'                    | ROUTED.replace("dev 'svrgw-veth' { ip '192.168.100.254/24' }", "dev 'svrgw-veth' { ip '192.168.100.254/24'; down }") | '' | 'client' | 'server' || 'no route from gateway to 192.168.100.1: svrgw-veth is down'
        'strict rp_filter on a router'       | TWO_WAYS.replace("    route '10.0.1.0/24' via '10.0.2.1'\n", "    route '10.0.1.0/24' via '10.0.2.1'\n    route '10.0.3.0/24' via '10.0.2.1'\n    sysctl 'net.ipv4.conf.all.rp_filter', 1\n") | '' | 'client' | 'server' || 'no ARP answer for 10.0.4.254 on s2 in server: r2 drops the request by its strict reverse-path filter (the request comes from 10.0.3.1)'
        'strict rp_filter on a receiver'     | TWO_WAYS.replace("    gateway '10.0.1.254'\n", "    gateway '10.0.1.254'\n    sysctl 'net.ipv4.conf.all.rp_filter', 1\n") | '' | 'client' | 'server' || 'dropped in client by the strict reverse-path filter: the packet from 10.0.3.1 came in by c2'
        'a blackhole route'                  | ROUTED                                                                                 | 'ip -n gateway route add blackhole 192.168.100.0/25'   | 'client' | 'server'   || 'dropped in gateway by the blackhole route 192.168.100.0/25'
        'a prohibit route'                   | ROUTED                                                                                 | 'ip -n gateway route add prohibit 192.168.100.0/25'    | 'client' | 'server'   || 'dropped in gateway by the prohibit route 192.168.100.0/25'
        'a missing masquerade'               | NAT                                                                                    | ''                                                      | 'client' | 'internet' || 'no route back from internet to 192.168.1.2'
        'forwarding off'                     | TraceKernelSpec.NO_FORWARD                                                             | ''                                                      | 'client' | 'server'   || 'dropped in gateway: forwarding is off'
        'an iptables drop'                   | TraceKernelSpec.DROP                                                                   | ''                                                      | 'client' | 'server'   || "dropped in gateway by `drop in: 'cligw-veth'`"
    }

    def "the fix of a missing masquerade is the masquerade, in the namespace the private source leaves by"() {
        expect:
        withFix(NAT, "add `masquerade '192.168.1.0/24', out: 'wan'` to namespace 'gw' (the private source must leave gw with its address); or, where internet is yours to change, add `gateway '198.51.100.1'` to namespace 'internet'")
                .endsWith("namespace 'gw' {\n    masquerade '192.168.1.0/24', out: 'wan'\n}\n")
    }

    static final String SMALL_MTU = ROUTED.replace("dev 'svrgw-veth' { ip '192.168.100.254/24' }", "dev 'svrgw-veth' { ip '192.168.100.254/24'; mtu 300 }")
    static final String FORWARD_PORT = '''lab 'forward-port'
namespace 'client' {
    veth 'c0' peer 'gw', name: 'gc'
    ip '198.51.100.2/24'
}
namespace 'gw' {
    forward true
    dev 'gc' { ip '198.51.100.1/24' }
    veth 'gs' peer 'server', name: 's0'
    ip '192.168.1.1/24'
    forwardPort 8080, to: '192.168.1.2:80', in: 'gc'
}
namespace 'server' {
    dev 's0' { ip '192.168.1.2/24' }
    gateway '192.168.1.1'
    run 'python3 -m http.server 80 --bind 192.168.1.2'
}
'''

    def "#what: trace answers as the kernel does (#real), and says so"() {
        given:
        def file = TraceSandbox.labFile(lab)

        when: 'the server, if any, is given time to listen; the real connection or ping, then the trace'
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path} >/dev/null; echo "=== exit \$?"
${lab.contains('http.server') ? "for i in \$(seq 50); do ip netns exec server ss -Hltn | grep -q ':80 ' && break; sleep 0.2; done" : ''}
$real; echo "=== exit \$?"
nslab trace $options ${file.path} client $to
""")
        def (apply, kernel, trace) = outputs(r.out)

        then:
        apply.exit == 0
        kernel.exit == 0
        trace.exit == 0
        says.every { trace.text.contains(it) }
        !trace.text.contains('DISAGREE')

        where:
        what            | lab          | to             | options     | real                                                                                  || says
        'a small MTU'   | SMALL_MTU    | 'server'       | ''          | 'ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null'                          || ['probe: answered, as the walk says']
        'a forwardPort' | FORWARD_PORT | '198.51.100.1' | '--tcp 8080' | "ip netns exec client timeout 2 bash -c 'exec 3<>/dev/tcp/198.51.100.1/8080'"        || ['DNAT: the destination 198.51.100.1 port 8080 becomes 192.168.1.2 port 80', 'a program listens on TCP port 80', 'conntrack undoes the DNAT', 'probe: connected, as the walk says']
    }

    /** The line after `fix: ` in a trace's output, or null. */
    static String fixOf(String trace) {
        (trace =~ /(?m)^fix: (.*)$/).with { it.find() ? it.group(1) : null }
    }

    /** The line after `STOPPED: ` in a trace's output, or null. */
    static String stoppedOf(String trace) {
        (trace =~ /(?m)^STOPPED: (.*)$/).with { it.find() ? it.group(1) : null }
    }

    /** The line check prints under a failed expectation from {@code from} to {@code target}: the trace's verdict and fix. */
    static String checkLine(String from, String target, String trace) {
        "  $from -> $target: ${stoppedOf(trace)} — ${fixOf(trace)}"
    }

    /** A trace that got there and back, as its probe confirms. */
    static boolean answered(Map trace) {
        trace.exit == 0 && trace.text.contains('probe: answered, as the walk says')
    }

    static final String SEED_000 = new File('../examples/veth-nat-host-routes.groovy').text

    def "seed 000 without the host's route back: ping, check and trace agree, and the route trace names brings every expectation back"() {
        given: 'the tutorial lab without `route \'10.0.0.3\' dev \'veth-a\'`, the host\'s way back to the namespace'
        def broken = SEED_000.readLines().findAll { !it.contains("route '10.0.0.3' dev 'veth-a'") }.join('\n') + '\n'
        def file = TraceSandbox.labFile(broken)

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path} >/dev/null 2>&1; echo "=== exit \$?"
ip netns exec nstest ping -c1 -W1 10.0.0.2 >/dev/null 2>&1; echo "=== exit \$?"
ip netns exec nstest ping -c1 -W1 203.0.113.2 >/dev/null 2>&1; echo "=== exit \$?"
nslab check ${file.path} ';;' trace ${file.path} nstest 10.0.0.2 ';;' trace ${file.path} nstest internet
""")
        def (apply, toHost, toInternet, check, traceHost, traceInternet) = outputs(r.out)
        def traces = [traceHost, traceInternet]
        def fixes = traces.collect { fixOf(it.text) }

        then: 'neither ping is answered; both traces stop in host, for want of that route, which their fix names'
        apply.exit == 0
        toHost.exit != 0
        toInternet.exit != 0
        traces.every { it.exit == 4 && stoppedOf(it.text) == 'no route back from host to 10.0.0.3' && it.text.contains('probe: no answer, as the walk says') }
        fixes.every { it.startsWith("add `route '10.0.0.3' dev 'veth-a'` to `host { }` (10.0.0.3 is at the other end of veth-a, but host's address there, 10.0.0.2, is a /32") }

        and: 'check fails the two expectations, each with the verdict and fix of its trace'
        check.exit == 4
        check.text.contains(checkLine('nstest', '10.0.0.2', traceHost.text))
        check.text.contains(checkLine('nstest', 'internet', traceInternet.text))

        when: 'the fix is written into host { } and the lab applied afresh'
        def fixed = withFix(broken, fixes[0])
        def fixedFile = TraceSandbox.labFile(fixed)
        def again = TraceSandbox.run("""
nslab apply --no-check ${fixedFile.path} >/dev/null 2>&1; echo "=== exit \$?"
ip netns exec nstest ping -c1 -W1 203.0.113.2 >/dev/null 2>&1; echo "=== exit \$?"
nslab check ${fixedFile.path} ';;' trace ${fixedFile.path} nstest internet
""")
        def (apply2, ping2, check2, trace2) = outputs(again.out)

        then: 'the line is the tutorial\'s own, in host { }, and every expectation holds'
        fixed.readLines()[fixed.readLines().findIndexOf { it.startsWith('host {') } + 1] == "    route '10.0.0.3' dev 'veth-a'"
        apply2.exit == 0
        ping2.exit == 0
        check2.exit == 0
        check2.text.contains('all 3 expectations hold')
        answered(trace2)
    }

    def "seed 000 without the namespace's route to the host: refused before anything is built, naming the route"() {
        given:
        def broken = SEED_000.readLines().findAll { !it.contains("route '10.0.0.2' dev 'veth-b'") }.join('\n') + '\n'
        def file = TraceSandbox.labFile(broken)

        when:
        def r = TraceSandbox.run("""
nslab apply ${file.path} 2>&1
ip netns list; echo "=== exit \$?"
""")
        def (apply, namespaces) = outputs(r.out)

        then: 'the kernel would refuse the gateway (Nexthop has invalid gateway): nslab says so on its line, with the route'
        apply.exit == 1
        apply.text.contains("${file.path}:${TraceSandbox.lineOf(broken, "gateway '10.0.0.2'")}: error: gateway 10.0.0.2 is on no subnet of nstest")
        apply.text.contains("route '10.0.0.2' dev 'veth-b'")
        namespaces.text.trim().isEmpty()
    }

    static final String SAME_ADDRESS = """lab 'same-address'
namespace 'a' {
    veth 'a0' peer 'lan', name: 'pa'
    ip '10.0.0.1/24'
}
namespace 'b' {
    veth 'b0' peer 'lan', name: 'pb'
    ip '10.0.0.2/24'
}
namespace 'c' {
    veth 'c0' peer 'lan', name: 'pc'
    ip '10.0.0.2/24'
}
namespace 'lan' {
    bridge 'br' { port 'pa', 'pb', 'pc' }
}
expect {
    reach 'a' to 'c'
}
"""

    def "the same address in two namespaces on one LAN: refused on its line with a free address; made by hand, ARP lets one of the two answer; the fix makes c reachable"() {
        given:
        def file = TraceSandbox.labFile(SAME_ADDRESS)

        when: 'the lab as written'
        def r = TraceSandbox.run("""
nslab apply ${file.path} 2>&1
nslab trace ${file.path} a c 2>&1
ip netns list; echo "=== exit \$?"
""")
        def (apply, trace, namespaces) = outputs(r.out)
        def change = apply.text =~ /change `(.+?)` \(line (\d+)\) to `(.+?)`/

        then: 'apply and trace refuse it on line 12, naming both namespaces and the line to change; nothing is built'
        apply.exit == 1
        trace.exit == 1
        [apply, trace].every { it.text.contains("${file.path}:12: error: address 10.0.0.2 is on both b0 in b (line 8) and c0 in c, which share one link") }
        apply.text.contains("a third one's ARP request is answered by both")
        change.find()
        change.group(1) == "ip '10.0.0.2/24'"
        change.group(2) == '12'
        change.group(3) == "ip '10.0.0.3/24'"
        namespaces.text.trim().isEmpty()

        when: 'the fix is written and applied; then c is given 10.0.0.2 by hand, as a learner would at a shell, and a pings it'
        def lines = SAME_ADDRESS.readLines()
        lines[11] = lines[11].replace(change.group(1), change.group(3))
        def fixed = TraceSandbox.labFile(lines.join('\n') + '\n')
        def again = TraceSandbox.run("""
nslab apply --no-check ${fixed.path} >/dev/null 2>&1
for i in \$(seq 20); do ip netns exec a ping -c1 -W1 10.0.0.3 >/dev/null 2>&1 && break; done
nslab check ${fixed.path}
ip -n c addr del 10.0.0.3/24 dev c0 && ip -n c addr add 10.0.0.2/24 dev c0
echos() { for n in b c; do echo "\$1 \$n \$(ip netns exec \$n nstat -az IcmpInEchos | awk '/IcmpInEchos/ {print \$2}') \$(ip -n \$n -br link show dev \${n}0 | awk '{print \$3}')"; done; }
echos before
ip netns exec a ping -c3 -i0.2 -W1 10.0.0.2 >/dev/null 2>&1; echo "=== exit \$?"
echos after
ip -n a neigh show 10.0.0.2 dev a0; echo "=== exit \$?"
nslab trace ${fixed.path} a c ';;' check ${fixed.path}
nslab apply ${fixed.path} ';;' trace ${fixed.path} a c
""")
        def (apply2, ping, kernel, trace2, check2, reapply, trace3) = outputs(again.out)
        def seen = { String when -> (ping.text + '\n' + kernel.text).readLines().findAll { it ==~ /$when [bc] \d+ \S+/ }
                .collectEntries { l -> def w = l.split(' '); [(w[1]): [echos: w[2] as int, mac: w[3]]] } }
        def (before, after) = [seen('before'), seen('after')]
        def counted = after.collectEntries { n, v -> [(n): [echos: v.echos - before[n].echos, mac: v.mac]] }
        def answering = counted.find { it.value.echos > 0 }

        then: 'the fixed lab holds its expectation'
        apply2.exit == 0
        apply2.text.contains('the 1 expectation holds')

        and: 'the kernel: the ping is answered, by one of b and c only, the one whose MAC a keeps for 10.0.0.2'
        ping.exit == 0
        counted.size() == 2
        counted.values()*.echos.sort() == [0, 3]
        kernel.text.contains("lladdr ${answering.value.mac}")

        and: 'trace and check see c lose its address, and both say that apply puts the lab back'
        trace2.exit == 4
        trace2.text.contains('c: address 10.0.0.3/24 on c0 is missing')
        fixOf(trace2.text) == 'the lab is not as its script has it: apply puts it back'
        check2.exit == 4
        check2.text.contains(checkLine('a', 'c', trace2.text))

        and: 'apply puts it back, and trace then reaches c'
        reapply.exit == 0
        reapply.text.contains('+ ip -n c addr add 10.0.0.3/24 dev c0')
        answered(trace3)
    }

    def "a link taken down and up by hand: the kernel dropped the route, trace and check say the same, and apply puts it back"() {
        given:
        def file = TraceSandbox.labFile(ROUTED + "expect {\n    reach 'client' to 'server'\n}\n")

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path} >/dev/null 2>&1; echo "=== exit \$?"
ip -n client link set cli-veth down && ip -n client link set cli-veth up
ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1; echo "=== exit \$?"
nslab trace ${file.path} client server ';;' check ${file.path} ';;' apply ${file.path}
ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1; echo "=== exit \$?"
nslab trace ${file.path} client server
""")
        def (apply, ping, trace, check, reapply, ping2, trace2) = outputs(r.out)
        def gatewayLine = "${file.path}:${TraceSandbox.lineOf(ROUTED, "gateway '10.0.100.254'")}"

        then: 'no answer: the default route went with the link; trace names the lab line the kernel lost, check says the same'
        apply.exit == 0
        ping.exit != 0
        trace.exit == 4
        trace.text.contains("client: route default via 10.0.100.254 is missing  ($gatewayLine)")
        stoppedOf(trace.text) == "no route from client to 192.168.100.1: the lab's `gateway '10.0.100.254'` is not in the kernel"
        fixOf(trace.text) == "the lab's `gateway '10.0.100.254'` ($gatewayLine) is not in force: apply the lab again"
        trace.text.contains('probe: no answer, as the walk says')
        check.exit == 4
        check.text.contains(checkLine('client', 'server', trace.text))

        and: 'apply puts the route back; ping and trace agree that the packet gets there and back'
        reapply.exit == 0
        reapply.text.contains('+ ip -n client route add default via 10.0.100.254')
        ping2.exit == 0
        answered(trace2)
        !trace2.text.contains('is not as its script has it')
    }

    def "#mistake: check gives each failed expectation the verdict and fix of its trace"() {
        given:
        def file = TraceSandbox.labFile(lab + "expect {\n    reach 'client' to 'server'\n}\n")

        when:
        def r = TraceSandbox.run("""
nslab apply --no-check ${file.path} >/dev/null 2>&1; echo "=== exit \$?"
nslab check ${file.path} ';;' trace ${file.path} client server
""")
        def (apply, check, trace) = outputs(r.out)

        then:
        apply.exit == 0
        check.exit == 4
        trace.exit == 4
        stoppedOf(trace.text) != null
        fixOf(trace.text) != null
        check.text.contains(checkLine('client', 'server', trace.text))

        where:
        mistake                          | lab
        'a mistyped gateway'             | ROUTED.replace("gateway '192.168.100.254'", "gateway '192.168.100.253'")
        'forwarding off'                 | TraceKernelSpec.NO_FORWARD
        'strict rp_filter on a receiver' | TWO_WAYS.replace("    gateway '10.0.1.254'\n", "    gateway '10.0.1.254'\n    sysctl 'net.ipv4.conf.all.rp_filter', 1\n")
    }

    /** The address a target stands for in a lab text: an address, or the namespace's first one. */
    static String address(String lab, String to) {
        if (to ==~ /[0-9.]+/) return to
        def body = lab.substring(lab.indexOf("namespace '$to'"))
        (body =~ /ip '([0-9.]+)\//).with { it.find(); it.group(1) }
    }
}
