package nslab.engine

import spock.lang.Specification

/**
 * A failing check answers within two seconds: each expectation gets one ping, all side by side,
 * and a second only after a neighbour that was still being resolved answered. Timed on the
 * engine's check alone (the pings, not the JVM's start), beside a passing check of the same lab,
 * and compared with a real ping. Without the ping program, check says that, not that the
 * namespace is missing.
 */
class FastCheckKernelSpec extends Specification {
    static String example() {
        def f = new File('examples/server-gateway-client.groovy')
        (f.exists() ? f : new File('../examples/server-gateway-client.groovy')).text
    }

    def "#mistake: check fails within 2 s, as a real ping does (#executor executor)"() {
        given:
        def lab = KernelSandbox.labFile(change(example()))

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
nslab apply ${lab.absolutePath} >/dev/null
echo "=== ping"; ip netns exec client ping -c1 -W1 192.168.100.1 >/dev/null 2>&1 && echo answered || echo "no answer"
echo "=== check"; nslab check ${lab.absolutePath}; echo "exit \$?"
""")
        def check = r.section('check')
        def millis = (check =~ /CHECKED IN (\d+) ms/)[0][1] as int

        then:
        r.section('ping') == (holds ? 'answered' : 'no answer')
        check.contains("CHECK client server ${holds ? 'ok' : 'FAILED'}")
        check.endsWith(holds ? 'exit 0' : 'exit 4')
        millis < 2000
        !holds || millis < 500

        where:
        mistake                        | change                                                         | holds | executor
        'none'                         | { String s -> s }                                              | true  | 'netlink'
        'no forward true'              | { String s -> s.replace('forward true', '') }                  | false | 'netlink'
        'gateway nobody has'           | { String s -> s.replace("gateway '10.0.100.254'", "gateway '10.0.100.253'") } | false | 'netlink'
        'no forward true'              | { String s -> s.replace('forward true', '') }                  | false | 'ip'
        'gateway nobody has'           | { String s -> s.replace("gateway '10.0.100.254'", "gateway '10.0.100.253'") } | false | 'ip'
    }

    def "without the ping program check says ping is missing and names its package"() {
        given:
        def lab = KernelSandbox.labFile("lab 'noping'\nnamespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.8.0.1/24' }\n"
                + "namespace 'b' { dev 'b-a' { ip '10.8.0.2/24' } }\nexpect { reach 'a' to 'b' }\n")

        when: 'the PATH has ip but no ping'
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null
mkdir -p /run/noping; ln -s "\$(command -v ip)" /run/noping/ip
java=\$(command -v java)
echo "=== check"; PATH=/run/noping "\$java" -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver check ${lab.absolutePath}
""")

        then:
        r.section('check').contains('CHECK a b FAILED')
        r.section('check').contains('DETAIL a b: ping is not installed (package iputils-ping)')
    }
}
