package nslab.engine

import spock.lang.Specification

/** What each namespace's hosts file says: every name once, by the address the viewer can reach it at. */
class NameFilesSpec extends Specification {
    static final String ROUTED = '''lab 'names'
namespace 'client' { veth 'c0' peer 'router', name: 'rc'; ip '10.61.1.2/24' }
namespace 'server' { veth 's0' peer 'router', name: 'rs'; ip '10.61.2.2/24' }
namespace 'router' { dev 'rc' { ip '10.61.1.1/24' }; dev 'rs' { ip '10.61.2.1/24' }; veth 'm0' peer 'mgmt', name: 'm1'; ip '10.61.3.1/24' }
namespace 'mgmt' { dev 'm1' { ip 'fd00::2/64' } }
namespace 'alone'
'''

    static final String TWO_LINKS = '''lab 'two'
namespace 'r' { veth 'a0' peer 'x', name: 'a1'; ip '10.1.1.1/24'; veth 'b0' peer 'x', name: 'b1'; ip '10.1.2.1/24' }
namespace 'x' { dev 'a1' { ip '10.1.1.2/24' }; dev 'b1' { ip '10.1.2.2/24' } }
namespace 'y' { veth 'c0' peer 'r', name: 'c1'; ip '10.1.2.3/24' }
'''

    static Map<String, String> names(String viewer, String lab = ROUTED) {
        def text = NameFiles.content(Labs.plan(lab).lab(), viewer)
        text.readLines().findAll { !it.startsWith('#') && !it.contains('localhost') }
                .collectEntries { def (address, name) = it.split('\t'); [name, address] }
    }

    def "#viewer sees the router at #router, and every other namespace by its first address"() {
        expect:
        names(viewer) == [client: '10.61.1.2', server: '10.61.2.2', router: router, mgmt: 'fd00::2']

        where:
        viewer   || router
        'client' || '10.61.1.1'
        'server' || '10.61.2.1'
        'router' || '10.61.1.1'
        'mgmt'   || '10.61.1.1'
        'alone'  || '10.61.1.1'
    }

    def "of two shared subnets, the one first in the other namespace's order names it"() {
        expect:
        names(viewer, TWO_LINKS) == expected

        where:
        viewer || expected
        'x'    || [r: '10.1.1.1', x: '10.1.1.2', y: '10.1.2.3']
        'y'    || [r: '10.1.2.1', x: '10.1.2.2', y: '10.1.2.3']
        'r'    || [r: '10.1.1.1', x: '10.1.1.2', y: '10.1.2.3']
    }

    def "a namespace without an address is left out, and each file starts with localhost"() {
        when:
        def lines = NameFiles.content(Labs.plan(ROUTED).lab(), 'client').readLines()

        then:
        lines[0].startsWith("# the names of lab 'names' as namespace client sees them")
        lines[1] == '127.0.0.1\tlocalhost'
        lines[2].startsWith('::1\tlocalhost')
        lines.drop(3)*.split('\t')*.getAt(1) == ['client', 'server', 'router', 'mgmt']
    }

    def "a chain's files differ only in the neighbours' lines"() {
        given:
        def lab = Labs.plan(Labs.chain(6)).lab()

        when:
        def n3 = NameFiles.content(lab, 'n3').readLines().drop(3)
        def n5 = NameFiles.content(lab, 'n5').readLines().drop(3)

        then: 'n3 reaches n2 on 10.0.2.0/24 and n4 on 10.0.3.0/24; n5 sees both by their first'
        n3 == ['10.0.1.1\tn1', '10.0.2.1\tn2', '10.0.2.2\tn3', '10.0.3.2\tn4', '10.0.4.2\tn5', '10.0.5.2\tn6']
        n5 == ['10.0.1.1\tn1', '10.0.1.2\tn2', '10.0.2.2\tn3', '10.0.4.1\tn4', '10.0.4.2\tn5', '10.0.5.2\tn6']
    }
}
