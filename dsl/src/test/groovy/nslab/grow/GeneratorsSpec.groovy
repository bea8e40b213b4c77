package nslab.grow

import nslab.model.DeviceKind
import spock.lang.Specification

import static nslab.LabFixtures.compile
import static nslab.LabFixtures.lab

/**
 * linear, ring, star, tree and mesh make ordinary namespaces and cables: later lines add to them,
 * and a mistake in their arguments is an error at their line, in the script's own terms.
 */
class GeneratorsSpec extends Specification {

    /** Each cable once, as "a-b" with the two namespaces in lab order. */
    static Set<String> cables(String text) {
        def l = lab(text)
        def names = l.namespaces()*.name()
        l.namespaces().collectMany { ns ->
            ns.interfaces().findAll { it.kind() instanceof DeviceKind.Veth && it.kind().primary() }
                    .collect { [ns.name(), it.kind().peerNamespace()].sort { names.indexOf(it) }.join('-') }
        } as Set
    }

    def "#script makes #namespaces"() {
        expect:
        lab(script).created()*.name() == namespaces
        cables(script) == expected as Set

        where:
        script                              | namespaces                          | expected
        "linear 'r', 4"                     | ['r1', 'r2', 'r3', 'r4']            | ['r1-r2', 'r2-r3', 'r3-r4']
        "linear 'r', 1"                     | ['r1']                              | []
        "ring 'r', 4"                       | ['r1', 'r2', 'r3', 'r4']            | ['r1-r2', 'r2-r3', 'r3-r4', 'r1-r4']
        "mesh 'n', 3"                       | ['n1', 'n2', 'n3']                  | ['n1-n2', 'n1-n3', 'n2-n3']
        "tree 'n', depth: 2, fanout: 2"     | (1..7).collect { "n$it".toString() } | ['n1-n2', 'n1-n3', 'n2-n4', 'n2-n5', 'n3-n6', 'n3-n7']
        "tree depth: 1, fanout: 3"          | ['n1', 'n2', 'n3', 'n4']            | ['n1-n2', 'n1-n3', 'n1-n4']
        "star 'h', 3, hub: 'sw'"            | ['h1', 'h2', 'h3', 'sw']            | ['h1-sw', 'h2-sw', 'h3-sw']
        "star 'h', 2"                       | ['h1', 'h2', 'sw']                  | ['h1-sw', 'h2-sw']
    }

    def "tree depth: 3, fanout: 4 makes 85 namespaces"() {
        expect:
        lab("tree 'n', depth: 3, fanout: 4").created().size() == 85
    }

    def "each cable's end is named after the namespace at the other end; a star's ends in the hub are ports of its bridge"() {
        when:
        def l = lab("star 'h', 2, hub: 'sw'\nlinear 'r', 2")
        def sw = l.namespace('sw').get()

        then:
        l.namespace('r1').get().iface('r2').present
        l.namespace('r2').get().iface('r1').present
        l.namespace('h1').get().iface('sw').present
        sw.iface('br-h').get().kind() instanceof DeviceKind.Bridge
        sw.iface('h1').get().master() == 'br-h'
        sw.iface('h2').get().master() == 'br-h'
    }

    def "later lines add to a generated namespace, and other words name it"() {
        when:
        def c = compile("""linear 'r', 3
namespace 'r2' { dev 'r3' { ip '10.0.9.1/24' }; forward true }
namespace 'r3' { dev 'r2' { ip '10.0.9.2/24' } }
expect { reach 'r2' to 'r3' }
""")

        then:
        c.ok()
        c.lab().created().size() == 3
        c.lab().namespace('r2').get().addresses()*.text() == ['10.0.9.1/24']
        c.lab().namespace('r2').get().forward()
        c.lab().expectations().size() == 1
    }

    def "#what is an error at its line: #message"() {
        when:
        def c = compile("lab 'x'\n" + script, 'labs/grow.groovy')
        def error = c.errors().find { it.message().contains(message) }

        then:
        !c.ok()
        error != null
        error.source().toString() == 'labs/grow.groovy:2'
        hint == null || error.hint().contains(hint)

        where:
        what                       | script                                   | message                                                   | hint
        'no number'                | "linear 'r', 'five'"                     | "linear: the number of namespaces five is not a whole number" | "write: linear 'r', 5"
        'zero namespaces'          | "linear 'r', 0"                          | 'linear: the number of namespaces 0 is out of range; it may be 1 to 2000' | null
        'a ring of two'            | "ring 'r', 2"                            | 'two namespaces make a line: linear'                      | "write: ring 'r', 6"
        'a mesh too large'         | "mesh 'n', 101"                          | 'it may be 1 to 100'                                      | null
        'a tree without fanout'    | "tree 'n', depth: 2"                     | 'tree needs fanout:'                                      | "tree 'n', depth: 2, fanout: 3"
        'a tree too large'         | "tree 'n', depth: 8, fanout: 4"          | 'would make more than 2000 namespaces'                   | 'smaller'
        'a mistyped key'           | "star 'h', 3, hb: 'sw'"                  | "'star' has no named argument 'hb:'"                      | "did you mean 'hub:'?"
        'names too long'           | "linear 'router-numbers', 20"            | "would name an interface 'router-numbers20', longer than the 15 bytes" | 'shorter by 1 byte'
        'a generator in a block'   | "namespace 'a' { linear 'r', 2 }"        | "'linear' belongs at the top level"                        | null
        'a word missing'           | "linear 'r'"                             | "'linear' does not take ('r')"                             | "write: linear 'r', 5"
        'routes other than auto'   | "routes 'ospf'"                          | "the one way nslab works out routes is 'auto'"             | "routes 'auto'"
    }

    def "every problem is reported at once"() {
        when:
        def c = compile("linear 'r', 0\nring 'q', 1\nmesh 'm', 'x'")

        then:
        c.errors()*.source()*.line() == [1, 2, 3]
    }
}
