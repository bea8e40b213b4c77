package nslab.lang

import spock.lang.Specification

/** A word's argument reads as Groovy itself would print it, GStrings included. */
class TextSpec extends Specification {

    def "#what reads as Groovy prints it"() {
        expect:
        Text.of(value) == value?.toString()

        where:
        what                       | value
        'a string'                 | 'eth0'
        'a GString with a number'  | "n${41 + 1}"
        'arithmetic on addresses'  | "10.${(1027 >> 8) & 255}.${1027 & 255}/30"
        'a nested GString'         | "r${"-${7}"}"
        'a null value'             | "x${null}"
        'a boolean and a char'     | "${true}-${'c' as char}"
        'a list (left to Groovy)'  | "ips ${['10.0.0.1/24', '10.0.0.2/24']}"
        'a lazy closure'           | "${-> 'late'}"
        'a GString ending in text' | "${1}.${2}.x"
        'nothing'                  | null
    }

    def "loop variables in GStrings name namespaces, interfaces and addresses"() {
        when:
        def lab = nslab.LabFixtures.compile('''
(1..2).each { i ->
    namespace "n$i" { veth "e$i" peer 'hub', name: "h${i}"; ip "10.9.${i}.1/24"; gateway "10.9.$i.254" }
}
namespace 'hub' { bridge "br${0}" { port "h1", "h${1 + 1}" } }
expect { reach "n${1}" to "n${2}" }
''').lab()

        then:
        lab.namespaces()*.name() == ['n1', 'n2', 'hub']
        lab.namespace('n2').get().interfaces()*.name() == ['e2']
        lab.namespace('hub').get().interfaces()*.name() as Set == ['h1', 'h2', 'br0'] as Set
        lab.namespace('n1').get().addresses()*.text() == ['10.9.1.1/24']
        lab.namespace('n1').get().routes()*.via() == ['10.9.1.254']
        lab.expectations()*.target() == ['n2']
    }
}
