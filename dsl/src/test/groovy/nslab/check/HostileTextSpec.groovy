package nslab.check

import nslab.plan.Tool
import spock.lang.Specification

import static nslab.LabFixtures.compile

/**
 * Hostile text in every place a lab takes a name or a value: each is refused at the line that
 * wrote it, or planned exactly as written, as one word a batch line carries unchanged (the kernel
 * side of this is LanguageKernelSpec in the engine).
 */
class HostileTextSpec extends Specification {

    static final List<String> HOSTILE = ['a"b', 'a#b', 'a\\b', '$(id)', '`id`', 'a;b', '-x', 'a\rb', 'a\u0000b',
                                         'a\nb', 'ünï', "a'b", 'a b', 'a|b', '\u202eb', ' 10.0.0.9', '10.0.0.9\n',
                                         '10.0.0.9\u0000', '1%\n', '10ms;x', 'net.x y', '-p/etc/x']

    /** Where a text may stand in a lab: the statement at line 3, with T for the text. */
    static final Map<String, String> PLACES = [
            'an interface name'   : "tap T",
            'a peer name'         : "veth 'v0' peer 'b', name: T",
            'an address'          : "ip T",
            'a gateway'           : "gateway T",
            'a route destination' : "route T dev 't0'",
            'a route dev'         : "route '10.1.0.0/16' dev T",
            'a MAC'               : "mac T",
            'a rate'              : "rate T",
            'a netem value'       : "netem delay: T",
            'a masquerade source' : "masquerade T, out: 't0'",
            'an iptables in'      : "drop in: T",
            'a forwardPort target': "forwardPort 80, to: T",
            'a sysctl key'        : "sysctl T, 1",
            'a sysctl value'      : "sysctl 'net.ipv4.ip_forward', T",
            'a macvlan mode'      : "macvlan 'mv0', mode: T on 't0'",
            'a vxlan remote'      : "vxlan 'vx0', id: 1, remote: T, dev: 't0'",
    ]

    def "#place holding #shown is refused at its line or carried exactly"() {
        given:
        def literal = "'" + text.collect { ch -> ch ==~ /[A-Za-z0-9]/ ? ch : String.format('\\u%04x', (int) ch.charAt(0)) }.join('') + "'"
        def script = "namespace 'b'\nnamespace 'a' { tap 't0'; ip '10.0.0.1/24'\n    ${PLACES[place].replace('T', literal)}\n}\n"

        when:
        def c = compile(script)

        then:
        c.ok() ? carried(c, text) : c.errors().any { it.source().line() == 3 }

        where:
        [place, text] << [PLACES.keySet(), HOSTILE].combinations()
        shown = Printable.of(text)
    }

    /** The text is one argument of the plan, as written, and every argument a batch carries is one plain word. */
    private static boolean carried(nslab.LabCompiler.Compiled c, String text) {
        def args = c.plan().steps()*.command().findAll { it.tool() != Tool.RUN }.collectMany { it.args() }
        assert args.any { it == text || it.contains(text) }, "'$text' is not in the plan as written"
        args.every { Carriable.problem(it) == null || it.startsWith('-') }
    }
}
