package nslab.lang

import spock.lang.Specification

import static nslab.LabFixtures.commands
import static nslab.LabFixtures.plan

/**
 * The one-line form in which the language was first described: angle brackets after a block
 * word's name mean its braces, statements separated by ';'. Everywhere else '<' and '>' are
 * Groovy's own.
 */
class AngleBlocksSpec extends Specification {

    def "#angle plans as #braces"() {
        expect:
        commands(plan(angle)) == commands(plan(braces))

        where:
        angle                                                                                         || braces
        "namespace 'server' < veth 'svr-veth' peer 'gateway' ; ip '192.168.100.1/24' >\nnamespace 'gateway'" || "namespace 'server' { veth 'svr-veth' peer 'gateway' ; ip '192.168.100.1/24' }\nnamespace 'gateway'"
        "ns('a') < tap 't0' >"                                                                        || "ns('a') { tap 't0' }"
        "namespace \"n${1}\" < tap 't0' ; dev 't0' < ip '10.0.0.1/24' ; mtu 1400 > >"                  || "namespace 'n1' { tap 't0' ; dev 't0' { ip '10.0.0.1/24' ; mtu 1400 } }"
        "namespace 'a' < bridge 'br0' < ip '10.0.1.254/24' > >"                                       || "namespace 'a' { bridge 'br0' { ip '10.0.1.254/24' } }"
        "host < tap 'nslab-t0' >"                                                                     || "host { tap 'nslab-t0' }"
        "namespace 'a' < tap 't0'; ip '10.0.0.1/24' >\nnamespace 'b' < tap 't0'; ip '10.0.0.2/24' >\nexpect < reach 'a' to '10.0.0.9' >" || "namespace 'a' { tap 't0'; ip '10.0.0.1/24' }\nnamespace 'b' { tap 't0'; ip '10.0.0.2/24' }\nexpect { reach 'a' to '10.0.0.9' }"
    }

    def "beside loops and conditions that compare numbers, '<' and '>' stay comparisons"() {
        given:
        def angle = '''
for (int i = 1; i < 4; i++) {
    if (i > 1 && i <= 3) { namespace "n$i" < tap "t$i" ; ip "10.0.$i.1/24" > }
}
(0..<2).each { k -> if (k >= 1) { namespace "m$k" < tap 'x' ; mtu(k < 5 ? 1400 : 1500) > } }
def label = 'a<b>c'
namespace 'z' < run "echo ${label} > /tmp/out" >
'''
        def braces = '''
namespace 'n2' { tap 't2' ; ip '10.0.2.1/24' }
namespace 'n3' { tap 't3' ; ip '10.0.3.1/24' }
namespace 'm1' { tap 'x' ; mtu 1400 }
namespace 'z' { run 'echo a<b>c > /tmp/out' }
'''

        expect:
        commands(plan(angle)) == commands(plan(braces))
    }

    def "the text keeps its lines, so errors in the one-line form name the right line"() {
        when:
        def c = nslab.LabFixtures.compile("namespace 'a'\nnamespace 'b' < tap 't0' ; mtu 10 >\n")

        then:
        c.errors()*.source()*.line() == [2]
    }
}
