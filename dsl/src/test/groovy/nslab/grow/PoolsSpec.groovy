package nslab.grow

import spock.lang.Specification

import static nslab.LabFixtures.compile
import static nslab.LabFixtures.lab
import static nslab.LabFixtures.plan

/** addresses pools: which links get which subnets, the same every time, shown with their line; a pool too small says what it needs. */
class PoolsSpec extends Specification {

    static Map<String, List<String>> addresses(String text) {
        lab(text).created().collectEntries { ns -> [(ns.name()): ns.addresses().collect { "${it.dev()} ${it.text()}".toString() }] }
    }

    def "cables get a /30 and a /127 each, in the order they appear, the first end .1"() {
        expect:
        addresses("addresses '10.0.0.0/16'\naddresses '2001:db8::/48'\nlinear 'r', 3") == [
                r1: ['r2 10.0.0.1/30', 'r2 2001:db8::/127'],
                r2: ['r1 10.0.0.2/30', 'r3 10.0.0.5/30', 'r1 2001:db8::1/127', 'r3 2001:db8::2/127'],
                r3: ['r2 10.0.0.6/30', 'r2 2001:db8::3/127']]
    }

    def "a bridge LAN gets a /24 and a /64: the spokes first, the bridge after them"() {
        expect:
        addresses("addresses '10.0.0.0/16'\naddresses '2001:db8::/48'\nstar 'h', 2, hub: 'sw'") == [
                h1: ['sw 10.0.0.1/24', 'sw 2001:db8::1/64'],
                h2: ['sw 10.0.0.2/24', 'sw 2001:db8::2/64'],
                sw: ['br-h 10.0.0.3/24', 'br-h 2001:db8::3/64']]
    }

    def "a link with an address written by hand gets none, and no pool subnet holds a hand-written address"() {
        when:
        def a = addresses("""addresses '10.0.0.0/16'
linear 'r', 3
namespace 'r1' { dev 'r2' { ip '10.0.0.1/24' } }
""")

        then: 'the r1-r2 cable keeps its hand-written address; the r2-r3 cable skips 10.0.0.0/24'
        a.r1 == ['r2 10.0.0.1/24']
        a.r2 == ['r3 10.0.1.1/30']
        a.r3 == ['r2 10.0.1.2/30']
    }

    def "a link added at the end leaves the others' addresses alone"() {
        expect:
        addresses("addresses '10.0.0.0/16'\nlinear 'r', 3").every { ns, list ->
            addresses("addresses '10.0.0.0/16'\nlinear 'r', 3\nlink 'r3', 'r1'")[ns].containsAll(list)
        }
    }

    def "links that reach the host get no pool address"() {
        expect:
        addresses("addresses '10.0.0.0/16'\nnamespace 'a' { veth 'up' peer 'host', name: 'to-a' }").a == []
    }

    def "forward true turns IPv6 forwarding on where a pool gave IPv6 addresses, with the forward line"() {
        when:
        def r2 = lab("addresses '2001:db8::/48'\nlinear 'r', 3\nnamespace 'r2' { forward true }").namespace('r2').get()

        then:
        r2.sysctls().collect { "${it.key()}=${it.value()} line ${it.source().line()}".toString() } ==
                ['net.ipv4.ip_forward=1 line 3', 'net.ipv6.conf.all.forwarding=1 line 3']
    }

    def "plan shows a pool's addresses under the pool's line"() {
        when:
        def text = new nslab.render.ShellScriptRenderer().render(plan("addresses '10.0.0.0/16'\nlinear 'r', 2"))

        then:
        text.contains("# lab.groovy:1: addresses '10.0.0.0/16'\nip -n r1 addr add 10.0.0.1/30 dev r2\n")
    }

    def "#what is an error at the pool's line"() {
        when:
        def c = compile(script, 'grow.groovy')
        def error = c.errors().find { it.message().contains(message) }

        then:
        !c.ok()
        error != null
        error.source().toString() == 'grow.groovy:1'
        error.hint().contains(hint)

        where:
        what                 | script                                                      | message                                                                                      | hint
        'a pool too small'   | "addresses '10.0.0.0/28'\nlinear 'r', 10"                   | 'the pool 10.0.0.0/28 is too small: the lab needs 36 addresses for 9 cables (a /30 each), and the pool has 16' | "use a /26 or larger: addresses '10.0.0.0/26'"
        'a v6 pool too small' | "addresses '2001:db8::/126'\nstar 'h', 2\nlinear 'r', 2"     | 'the pool 2001:db8::/126 is too small: the lab needs 18446744073709551618 addresses for 1 cable (a /127 each) and 1 bridge LAN (a /64 each)' | 'use a /63 or larger'
        'no pool'            | "addresses 'ten'\nlinear 'r', 2"                            | "'ten' is no pool of addresses"                                                              | "addresses '10.0.0.0/16'"
        'no length'          | "addresses '10.0.0.0'\nlinear 'r', 2"                       | 'has no prefix length'                                                                       | "addresses '10.0.0.0/16'"
        'host bits'          | "addresses '10.0.0.1/16'\nlinear 'r', 2"                    | 'has host bits set'                                                                          | "addresses '10.0.0.0/16'"
    }

    def "a second pool of one family is an error at its line"() {
        when:
        def c = compile("addresses '10.0.0.0/16'\naddresses '10.1.0.0/16'\nlinear 'r', 2")

        then:
        c.errors().find { it.message().contains('a second IPv4 pool (the first is 10.0.0.0/16 at line 1)') }.source().line() == 2
    }
}
