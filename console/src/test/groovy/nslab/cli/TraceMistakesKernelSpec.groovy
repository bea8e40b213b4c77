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

    /** The address a target stands for in a lab text: an address, or the namespace's first one. */
    static String address(String lab, String to) {
        if (to ==~ /[0-9.]+/) return to
        def body = lab.substring(lab.indexOf("namespace '$to'"))
        (body =~ /ip '([0-9.]+)\//).with { it.find(); it.group(1) }
    }
}
