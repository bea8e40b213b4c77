package nslab.engine

import nslab.LabCompiler
import nslab.plan.Tool
import spock.lang.Specification

/**
 * The language means on the kernel what it says in the plan: a dual-stack routed lab carries
 * IPv4 and IPv6 across a router; the one-line angle-bracket form builds what the braces build;
 * every name the language accepts reaches the kernel byte for byte as the plan prints it. Each
 * lab is applied with {@code nslab apply} (the engine) inside a private sandbox, checked with
 * plain {@code ip}, {@code ping} and {@code iptables-save}, and destroyed.
 */
class LanguageKernelSpec extends Specification {

    static final String DUAL_STACK = '''
lab 'dual-stack'
namespace 'client' {
    veth 'c0' peer 'router', name: 'r0'
    ip '10.1.0.2/24'
    ip '2001:db8:a::2/64'
    gateway '10.1.0.1'
    gateway '2001:db8:a::1'
}
namespace 'router' {
    dev 'r0' { ip '10.1.0.1/24'; ip '2001:db8:a::1/64' }
    veth 'r1' peer 'server', name: 's0'
    ip '10.2.0.1/24'
    ip '2001:db8:b::1/64'
    forward true
}
namespace 'server' {
    dev 's0' { ip '10.2.0.2/24'; ip '2001:db8:b::2/64' }
    route '10.1.0.0/24' via '10.2.0.1'
    route '2001:db8:a::/64' via '2001:db8:b::1'
}
expect {
    reach 'client' to '10.2.0.2'
    reach 'client' to '2001:db8:b::2'
}
'''

    static final String LOOPBACKS = '''
lab 'loopbacks'
namespace 'r1' {
    veth 'r1-r2' peer 'r2', name: 'r2-r1'
    ip '10.1.0.1/30'
    ip '1.1.1.1/32', dev: 'lo'
    ip '2001:db8:ff::1/128', dev: 'lo'
    route '2.2.2.2/32' via '10.1.0.2'
}
namespace 'r2' {
    dev 'r2-r1' { ip '10.1.0.2/30' }
    dev 'lo' { ip '2.2.2.2' }
    route '1.1.1.1/32' via '10.1.0.1'
}
expect { reach 'r1' to '2.2.2.2' }
'''

    def "addresses on lo are each namespace's own identity, reached by routes to them (#executor executor)"() {
        given:
        def file = KernelSandbox.labFile(LOOPBACKS, 'loopbacks')

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== lo"; ip -n r1 -br addr show dev lo; ip -n r2 -br addr show dev lo
echo "=== ping"; ip netns exec r1 ping -c 1 -W 2 -I 1.1.1.1 2.2.2.2 >/dev/null && echo reached
echo "=== destroy"; nslab destroy loopbacks; echo "exit \$?"
""")

        then: 'applied without a warning: a /32 on lo needs no connected route'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').contains('CHECK r1 2.2.2.2 ok')
        !r.section('apply').contains(': warning: ')
        r.section('apply').endsWith('exit 0')

        and: 'the kernel has the addresses on the own lo of each namespace, and a ping from one to the other is answered'
        r.section('lo').readLines()[0].contains('1.1.1.1/32')
        r.section('lo').readLines()[0].contains('2001:db8:ff::1/128')
        r.section('lo').readLines()[1].contains('2.2.2.2/32')
        r.section('ping').trim() == 'reached'
        r.section('destroy').endsWith('exit 0')

        where:
        executor << ['netlink', 'ip']
    }

    def "a dual-stack lab routes IPv4 and IPv6 across its router, and destroy gives the sandbox back"() {
        given:
        def file = KernelSandbox.labFile(DUAL_STACK, 'dual-stack')

        when:
        def r = KernelSandbox.run("""
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== routes"; ip -n client -6 route show default; ip -n server -6 route show 2001:db8:a::/64
echo "=== forwarding"; ip netns exec router cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding
echo "=== ping4"; ip netns exec client ping -c 1 -W 2 10.2.0.2 >/dev/null && echo reached
echo "=== ping6"; ip netns exec client ping -6 -c 1 -W 2 2001:db8:b::2 >/dev/null && echo reached
echo "=== ping6 back"; ip netns exec server ping -6 -c 1 -W 2 2001:db8:a::2 >/dev/null && echo reached
echo "=== destroy"; nslab destroy dual-stack; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/before.\$\$ /run/after.\$\$
""")

        then: 'the engine applied it, IPv6 routes included, and its own checks passed'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').contains('CHECK client 2001:db8:b::2 ok')
        r.section('apply').endsWith('exit 0')

        and: 'the kernel holds the IPv6 routes as planned'
        r.section('routes').contains('default via 2001:db8:a::1 dev c0')
        r.section('routes').contains('2001:db8:a::/64 via 2001:db8:b::1 dev s0')
        r.section('forwarding').readLines() == ['1', '1']

        and: 'plain ping crosses the router in both families'
        r.section('ping4').trim() == 'reached'
        r.section('ping6').trim() == 'reached'
        r.section('ping6 back').trim() == 'reached'

        and:
        r.section('destroy').endsWith('exit 0')
        r.section('diff').trim() == 'same'
    }

    def "the one-line angle-bracket form, beside loops that compare numbers, builds the lab its braces form builds"() {
        given:
        def angle = '''
lab 'angles'
namespace 'server' < veth 'svr-veth' peer 'gateway' ; ip '192.168.100.1/24' >
namespace 'gateway' < dev 'server' < ip '192.168.100.254/24' > >
for (int i = 1; i < 3; i++) {
    if (i > 0) { namespace "n$i" < tap "t$i" ; ip "10.0.$i.1/24" > }
}
expect < reach 'server' to '192.168.100.254' >
'''
        def braces = '''
lab 'angles'
namespace 'server' { veth 'svr-veth' peer 'gateway' ; ip '192.168.100.1/24' }
namespace 'gateway' { dev 'server' { ip '192.168.100.254/24' } }
namespace 'n1' { tap 't1' ; ip '10.0.1.1/24' }
namespace 'n2' { tap 't2' ; ip '10.0.2.1/24' }
expect { reach 'server' to '192.168.100.254' }
'''
        def file = KernelSandbox.labFile(angle, 'angles')

        expect: 'both forms plan the same commands'
        commands(angle) == commands(braces)

        when:
        def r = KernelSandbox.run("""
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== addresses"; for n in server gateway n1 n2; do ip -n \$n -o -4 addr show | awk '\$2 != "lo" {print \$2, \$4}'; done
echo "=== ping"; ip netns exec server ping -c 1 -W 2 192.168.100.254 >/dev/null && echo reached
echo "=== destroy"; nslab destroy angles; echo "exit \$?"; ip netns list
""")

        then:
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').endsWith('exit 0')
        r.section('addresses').readLines().toSet() == ['svr-veth 192.168.100.1/24', 'server 192.168.100.254/24',
                                                       't1 10.0.1.1/24', 't2 10.0.2.1/24'] as Set
        r.section('ping').trim() == 'reached'
        r.section('destroy').trim().endsWith('exit 0')
    }

    static final List<String> HOSTILE = ['a"b', 'a#b', 'a\\b', '$(id)', '`id`', 'a;b', '-x', 'a\rb', 'a\u0000b',
                                         'a\nb', 'ünï', "a'b", 'a b', 'a|b&c', 'a$b', 'a*?', 'x>y<z', 'a\tb',
                                         '\u202ertl', 'a%d', 'b+', '!n', '{x}', 'a=b']

    def "every hostile name is refused at its line or reaches the kernel exactly as planned"() {
        given: 'each name as a bridge and as the in: of a drop rule, one lab per name'
        def verdicts = HOSTILE.collectEntries { name -> [(name): compile(hostileLab(name))] }
        def accepted = verdicts.findAll { it.value.ok() }.keySet() as List
        def refused = verdicts.findAll { !it.value.ok() }

        expect: 'a refused name is refused at the line that wrote it'
        refused.every { name, c -> c.errors().any { it.source().line() == 3 && it.message().contains('interface name') } }
        refused.keySet().containsAll(['a"b', 'a#b', 'a\\b', '-x', 'a\rb', 'a\u0000b', 'a\nb', "a'b", 'a b', 'a\tb',
                                      '\u202ertl', 'a%d', 'b+', '!n'])

        and: 'what apply feeds ip -batch and iptables-restore is what plan prints, word for word'
        accepted.every { name ->
            verdicts[name].plan().steps()*.command().findAll { it.tool() in [Tool.IP, Tool.IPTABLES] }.every {
                Batch.line(it.args()) == it.args().join(' ')
            }
        }

        when: 'all accepted names are applied in one lab'
        def all = "lab 'hostile'\nnamespace 'h' {\n" + accepted.collect { n ->
            "    bridge ${groovyString(n)}\n    drop in: ${groovyString(n)}\n" }.join('') + "}\n"
        def compiled = compile(all)
        assert compiled.ok(), compiled.problems()*.format().join('\n')
        def planned = compiled.plan().steps()*.command().findAll { it.args()[0..1] == ['link', 'add'] }*.args()*.get(3)
        def r = KernelSandbox.run("""
echo "=== apply"; nslab apply ${KernelSandbox.labFile(all, 'hostile').absolutePath}; echo "exit \$?"
echo "=== links"; ip -n h -o link show | cut -d ' ' -f 2
echo "=== rules"; ip netns exec h iptables-save -t filter | grep '^-A FORWARD'
echo "=== destroy"; nslab destroy hostile; echo "exit \$?"; ip netns list
""")
        // "2: NAME: <BROADCAST,...": the names the language accepts hold no ':' and no space
        def kernelNames = r.section('links').readLines()*.replaceFirst(/:$/, '') - ['lo']

        then:
        r.section('apply').contains('STATUS APPLIED')
        planned as Set == accepted as Set
        kernelNames as Set == accepted as Set
        r.section('rules').readLines() == accepted.collect { "-A FORWARD -i $it -j DROP".toString() }
        r.section('destroy').trim().endsWith('exit 0')
    }

    private static String hostileLab(String name) {
        "lab 'hostile'\nnamespace 'h' {\n    bridge ${groovyString(name)}\n    drop in: ${groovyString(name)}\n}\n"
    }

    /** The name as a Groovy string literal, with every character spelt so that the script holds it exactly. */
    private static String groovyString(String s) {
        "'" + s.collect { ch -> (ch ==~ /[A-Za-z0-9]/) ? ch : String.format('\\u%04x', (int) ch.charAt(0)) }.join('') + "'"
    }

    private static LabCompiler.Compiled compile(String text) {
        new LabCompiler().compile('lab.groovy', text)
    }

    private static List<String> commands(String text) {
        def c = compile(text)
        assert c.ok(), c.problems()*.format().join('\n')
        c.plan().steps().collect { it.command().argv().join(' ') }
    }
}
