package nslab.check

import nslab.render.ShellScriptRenderer
import spock.lang.Specification

import static nslab.LabFixtures.compile
import static nslab.LabFixtures.lab
import static nslab.LabFixtures.plan

/**
 * The lab means exactly what it says: a word in the wrong block, a near miss of a namespace in
 * peer, one address twice on a link, a reach that would prove nothing, a sysctl that belongs to
 * the machine and text a batch line cannot carry are errors at their line, all in one report.
 */
class StrictLanguageSpec extends Specification {

    def "#what is an error at line #line"() {
        when:
        def c = compile(script, 'labs/strict.groovy')
        def error = c.errors().find { it.message().contains(message) }

        then:
        !c.ok()
        error != null
        error.source().line() == line
        hint == null || error.hint()?.contains(hint)

        where:
        what                                      | line | script                                                                         || message                                                | hint
        'namespace inside a namespace'            | 2    | "namespace 'a' {\n  namespace 'b'\n}"                                          || "'namespace' belongs at the top level"                 | "write it at the top level of the script: namespace 'b'"
        'host inside a namespace'                 | 2    | "namespace 'a' {\n  host { tap 't' }\n}"                                       || "'host' belongs at the top level"                      | null
        'expect inside a namespace'               | 2    | "namespace 'a' {\n  expect { reach 'a' to '10.0.0.1' }\n}"                     || "'expect' belongs at the top level"                    | null
        'link inside a namespace'                 | 3    | "namespace 'b'\nnamespace 'a' {\n  link 'a', 'b'\n}"                           || "'link' belongs at the top level"                      | null
        'namespace inside expect'                 | 2    | "expect {\n  namespace 'c'\n}"                                                 || "'namespace' belongs at the top level"                 | null
        'veth at the top level'                   | 2    | "namespace 'b'\nveth 'x' peer 'b'"                                             || "'veth' belongs inside a namespace or host block"      | null
        'reach inside a namespace'                | 2    | "namespace 'a' {\n  reach 'a' to '10.0.0.1'\n}"                                || "'reach' belongs inside an expect block"               | null
        'a peer one edit from a namespace'        | 2    | "namespace 'gateway'\nnamespace 'server' { veth 'eth0' peer 'gatway' }"        || "namespace 'gatway' is used here but never declared"   | "did you mean 'gateway'?"
        'a peer two edits from a long namespace'  | 2    | "namespace 'gateway-1'\nnamespace 'server' { veth 'eth0' peer 'gatway1' }"     || "namespace 'gatway1' is used here but never declared"  | "did you mean 'gateway-1'?"
        'the same address on both veth ends'      | 3    | "namespace 'b'\nnamespace 'a' { veth 'x' peer 'b', name: 'y', ip: '10.0.0.1/24'\n ip '10.0.0.1/24' }" || 'address 10.0.0.1 is on both y in b' | 'another address'
        'the same address on two bridge ports'    | 5    | "namespace 'sw' { bridge 'br0' { port 'p1', 'p2' } }\nnamespace 'a' { veth 'a0' peer 'sw', name: 'p1', ip: '10.0.0.9/24'\n ip '10.0.0.1/24' }\nnamespace 'b' { veth 'b0' peer 'sw', name: 'p2'\n ip '10.0.0.1/24' }" || 'address 10.0.0.1 is on both a0 in a' | null
        'a reach to its own address'              | 3    | "namespace 'a' { tap 't'; ip '10.0.0.1/24' }\nexpect {\n reach 'a' to '10.0.0.1' }" || "pings 10.0.0.1, an address of a itself"           | 'another namespace'
        'a reach to a namespace of its own address' | 3  | "namespace 'b'\nnamespace 'a' { veth 'x' peer 'b', name: 'y', ip: '10.0.0.1/24'; ip '10.0.0.1/24' }\nexpect { reach 'a' to 'b' }" || 'an address of a itself' | null
        'kernel.hostname in a namespace'          | 2    | "namespace 'a' {\n  sysctl 'kernel.hostname', 'x'\n}"                          || "sysctl 'kernel.hostname' is not a setting of namespace a" | "use a net. key"
        'vm.swappiness in host without hostSysctl' | 2   | "host {\n  sysctl 'vm.swappiness', 10\n}"                                      || "sysctl 'vm.swappiness' is not a setting of the host's network" | "hostSysctl 'vm.swappiness', 10"
        'hostSysctl in a namespace'               | 2    | "namespace 'a' {\n  hostSysctl 'vm.swappiness', 10\n}"                         || 'hostSysctl sets a setting of the whole machine'       | 'inside host'
        'a sysctl key that is an option'          | 2    | "namespace 'a' {\n  sysctl '-p/etc/x', 1\n}"                                   || "sysctl key '-p/etc/x' starts with '-'"                | null
        'a sysctl value with white space'         | 2    | "namespace 'a' {\n  sysctl 'net.ipv4.tcp_rmem', '4096 87380'\n}"               || 'holds white space'                                    | null
        'a NUL in a drop rule'                    | 2    | "namespace 'a' { tap 'v0'\n  drop in: \"v0\\u0000\" }"                         || "interface name 'v0\\0' holds the control character \\0" | null
        'a quote in an interface name'            | 2    | "namespace 'a' {\n  tap 'a\"b' }"                                              || "holds \", which a batch line"                         | null
        'a # in an interface name'                | 2    | "namespace 'a' {\n  tap 'a#b' }"                                               || "holds #"                                              | null
        'a backslash in an interface name'        | 2    | "namespace 'a' {\n  tap 'c\\\\d' }"                                            || "holds \\"                                             | null
        'a newline after an address'              | 2    | "namespace 'a' { tap 't'\n  ip '10.0.0.1/24\\n' }"                             || "'10.0.0.1/24\\n' is not a valid address"              | null
        'a CR before a gateway'                   | 2    | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n  gateway '\\r10.0.0.254' }"       || "gateway '\\r10.0.0.254' is not an IP address"         | null
        'a control character in a run command'    | 2    | "namespace 'a' {\n  run 'sleep 1\\nreboot' }"                                  || "holds the control character \\n"                      | null
        "'%' in an interface name"                | 2    | "namespace 'a' {\n  tap 'a%d' }"                                               || "holds '%'"                                            | null
    }

    def "a peer that is no near miss of a namespace keeps both ends here, and explain says so"() {
        when:
        def l = lab("namespace 'net1'\nnamespace 'single' {\n veth 'veth0' peer 'veth1'\n}")
        def steps = plan("namespace 'net1'\nnamespace 'single' {\n veth 'veth0' peer 'veth1'\n}").steps()

        then:
        l.namespace('single').get().iface('veth1').isPresent()
        steps.find { it.command().args().contains('veth') }.explanation().contains('veth0 and veth1, both in single')
    }

    def "every problem of a script comes in one report, whatever its kind"() {
        when:
        def c = compile('''namespace 'a' {
    tap 't0'
    ip '10.0.0.1/24'
    namespace 'b'
    netem dleay: '10ms'
    mtu 10
    gateway '192.168.1.1'
    drop inn: 't0'
    sysctl 'kernel.hostname', 'x'
}
expect { reach 'a' to '10.0.0.1' }
''')

        then:
        c.errors()*.source()*.line() as Set == [4, 5, 6, 7, 8, 9, 11] as Set
    }

    def "the different-subnets warning is silent where each end has a host route to the other"() {
        when:
        def routed = compile('''namespace 'nstest' {
    dev 'veth-b' { ip '10.0.0.3' }
    route '10.0.0.2' dev 'veth-b'
}
host {
    veth 'veth-a' peer 'nstest', name: 'veth-b'
    ip '10.0.0.2'
    route '10.0.0.3' dev 'veth-a'
}''')
        def unrouted = compile('''namespace 'nstest' { dev 'veth-b' { ip '10.0.1.3/24' } }
host { veth 'veth-a' peer 'nstest', name: 'veth-b'; ip '10.0.0.2/24' }''')

        then:
        routed.ok()
        routed.warnings().every { !it.message().contains('different subnets') }
        unrouted.warnings().any { it.message().contains('different subnets') }
    }

    def "the shipped examples plan without a warning about subnets"() {
        expect:
        nslab.LabFixtures.examples().listFiles().findAll { it.name.endsWith('.groovy') }.every { f ->
            new nslab.LabCompiler().compile(f.toPath()).warnings().every { !it.message().contains('different subnets') }
        }
    }

    def "the plan's comments never carry a raw control character, whatever the file's name or line holds"() {
        when:
        def c = new nslab.LabCompiler().compile("evil\r\nreboot #.groovy", "lab 'x'\nnamespace 'a' // \u0007 bell\n")
        assert c.ok(), c.problems()*.format()
        def text = new ShellScriptRenderer().render(c.plan())

        then:
        text.readLines().every { it.isEmpty() || it.startsWith('#') || it.startsWith('ip ') || it == 'set -e' }
        text.contains('# evil\\r\\nreboot #.groovy:2: namespace \'a\' // \\x07 bell')
        !text.find(/[\u0000-\u0008\u000b-\u001f\u007f]/)
    }
}
