package nslab.grow

import nslab.model.IpPrefix
import nslab.model.Lab
import nslab.model.Namespace
import spock.lang.Specification

import static nslab.LabFixtures.compile
import static nslab.LabFixtures.lab
import static nslab.LabFixtures.plan

/**
 * routes 'auto' against a breadth-first search of this spec's own, on random connected graphs:
 * following the routes from every namespace reaches every subnet of the lab, along a shortest
 * path, through namespaces that forward. And the rules around it: routes written by hand are
 * kept and followed, ties go the same way every time, each route is explained.
 */
class AutoRoutesSpec extends Specification {

    /** A random connected graph on n namespaces: a random tree, then some more cables. */
    static List<List<Integer>> randomGraph(Random random, int n) {
        Set<List<Integer>> edges = [] as LinkedHashSet
        for (int i = 1; i < n; i++) edges << [random.nextInt(i), i]
        int extra = random.nextInt(n)
        extra.times {
            int a = random.nextInt(n), b = random.nextInt(n)
            if (a != b) edges << [Math.min(a, b), Math.max(a, b)]
        }
        edges as List
    }

    /** The hop count of this spec's own search: cables from {@code from} to the nearest namespace on the subnet, plus its link. */
    static Integer bfs(Map<String, Set<String>> adjacent, String from, Set<String> on) {
        if (from in on) return 0
        Map<String, Integer> dist = [(from): 0]
        def queue = [from] as LinkedList
        while (queue) {
            def u = queue.poll()
            for (v in adjacent[u]) {
                if (dist.containsKey(v)) continue
                dist[v] = dist[u] + 1
                if (v in on) return dist[v] + 1
                queue << v
            }
        }
        null
    }

    /** Follows the lab's routes hop by hop from a namespace towards a subnet: the namespaces it passes, or null when it gets stuck. */
    static List<String> walk(Lab lab, String from, IpPrefix subnet) {
        def path = [from]
        def here = lab.namespace(from).get()
        while (!onSubnet(here, subnet)) {
            def route = here.routes().find { it.destination() == subnet.text() }
            if (route == null || path.size() > lab.namespaces().size()) return null
            def next = lab.created().find { ns -> ns.addresses().any { it.prefix().addressText() == route.via() } }
            if (next == null) return null
            path << next.name()
            here = next
        }
        path
    }

    static boolean onSubnet(Namespace ns, IpPrefix subnet) {
        ns.addresses().any { it.valid() && it.prefix().networkText() == subnet.text() }
    }

    static boolean forwards(Namespace ns, boolean v6) {
        ns.sysctls().any { it.key() == (v6 ? 'net.ipv6.conf.all.forwarding' : 'net.ipv4.ip_forward') && it.value() == '1' }
    }

    def "on random connected graphs, every namespace reaches every subnet along a shortest path (seed #seed)"() {
        given:
        def random = new Random(seed)
        int n = 3 + random.nextInt(10)
        def edges = randomGraph(random, n)
        def text = "addresses '10.0.0.0/16'\naddresses '2001:db8::/48'\n" + (1..n).collect { "namespace 'g$it'" }.join('\n') + '\n' +
                edges.collect { "link 'g${it[0] + 1}', 'g${it[1] + 1}'" }.join('\n') + "\nroutes 'auto'\n"
        Map<String, Set<String>> adjacent = [:].withDefault { [] as Set }
        edges.each { adjacent["g${it[0] + 1}".toString()] << "g${it[1] + 1}".toString(); adjacent["g${it[1] + 1}".toString()] << "g${it[0] + 1}".toString() }

        when:
        def l = lab(text)
        def subnets = l.created().collectMany { ns -> ns.addresses()*.prefix()*.networkText() }.unique().collect { IpPrefix.parse(it).get() }

        then: 'a /30 and a /127 for each cable'
        subnets.size() == 2 * edges.size()

        and: 'from every namespace to every subnet, the walk along the routes is as long as the shortest path, through forwarders'
        l.created().every { ns ->
            subnets.every { subnet ->
                def on = l.created().findAll { onSubnet(it, subnet) }*.name() as Set
                def path = walk(l, ns.name(), subnet)
                assert path != null, "${ns.name()} does not reach $subnet"
                int hops = path.size() == 1 ? 0 : path.size()
                assert hops == bfs(adjacent, ns.name(), on), "${ns.name()} -> $subnet: $path, not a shortest path"
                path.drop(1).dropRight(1).every { assert forwards(l.namespace(it).get(), subnet.v6()); true }
                if (path.size() > 1) {
                    def route = ns.routes().find { it.destination() == subnet.text() }
                    assert route.auto().hops() == hops && route.auto().viaNamespace() == path[1]
                }
                true
            }
        }

        where:
        seed << (1..25)
    }

    def "ties go to the neighbour declared first, every time"() {
        given: 'a square: r1 reaches the r3-r4 cable through r2 or r4... and r3 is as far through r2 as through r4'
        def text = "addresses '10.0.0.0/16'\nring 'r', 4\nroutes 'auto'\n"

        when:
        def first = plan(text).steps()*.command()
        def again = plan(text).steps()*.command()
        def r1 = lab(text).namespace('r1').get()
        def toR3 = lab(text).namespace('r3').get().addresses().find { it.dev() == 'r2' }.prefix().networkText()

        then:
        first == again
        r1.routes().find { it.destination() == toR3 }.auto().viaNamespace() == 'r2'
    }

    def "a route written by hand is kept, and paths through its namespace follow it"() {
        given: 'a ring of four; r2 sends the r3-r4 subnet the long way, through r1'
        def text = """addresses '10.0.0.0/16'
ring 'r', 4
namespace 'r2' { route '10.0.0.8/30' via '10.0.0.1' }
routes 'auto'
"""
        when:
        def l = lab(text)
        def r2 = l.namespace('r2').get()

        then: 'r2 has its own route and no other to that subnet'
        r2.routes().findAll { it.destination() == '10.0.0.8/30' }*.via() == ['10.0.0.1']
        r2.routes().find { it.destination() == '10.0.0.8/30' }.auto() == null

        and: 'r1 reaches it directly through r4, not back through r2'
        walk(l, 'r2', IpPrefix.parse('10.0.0.8/30').get()) == ['r2', 'r1', 'r4']
    }

    def "a namespace with a default route of its own gets no routes of that family; forward false carries no path"() {
        when:
        def l = lab("""addresses '10.0.0.0/16'
linear 'r', 4
namespace 'r1' { gateway '10.0.0.2' }
namespace 'r3' { forward false }
routes 'auto'
""")

        then:
        l.namespace('r1').get().routes().every { it.auto() == null }
        // r3 forwards nothing, so no path goes through it, not even onto its r3-r4 subnet
        l.namespace('r2').get().routes().empty
        l.namespace('r4').get().routes().every { it.destination() != '10.0.0.0/30' }
        !forwards(l.namespace('r3').get(), false)
    }

    def "explain says why each route is there, under the routes 'auto' line"() {
        when:
        def p = plan("addresses '10.0.0.0/16'\nlinear 'r', 4\nroutes 'auto'\n")
        def text = new nslab.render.ExplainRenderer().render(p)

        then:
        text.contains("lab.groovy:3  routes 'auto'")
        text.contains('ip -n r1 route add 10.0.0.8/30 via 10.0.0.2')
        text.contains('r1 reaches 10.0.0.8/30 via r2: 3 hops')
        text.contains('r1 reaches 10.0.0.4/30 via r2: 2 hops')
        text.contains('lets r2 forward IPv4 packets')
    }

    def "a full-length address is a destination too, reached in as many hops as cables"() {
        when:
        def l = lab("""addresses '10.0.0.0/16'
linear 'r', 3
namespace 'r3' { tap 't0' { ip '1.1.1.3/32' } }
routes 'auto'
""")
        def route = l.namespace('r1').get().routes().find { it.destination() == '1.1.1.3/32' }

        then:
        route.via() == '10.0.0.2'
        route.auto().hops() == 2
    }

    def "graph of a tree of 85 namespaces sums up each namespace's worked-out routes, one line per neighbour"() {
        when:
        def l = lab("addresses '10.0.0.0/16'\ntree 'n', depth: 3, fanout: 4\nroutes 'auto'\n")
        def text = new nslab.render.GraphRenderer().render(l, nslab.render.GraphRenderer.Format.TEXT)
        def n2 = text.split('\n\n').find { it.startsWith('[n2]') }

        then: 'every namespace is there; no worked-out route is listed on its own'
        (1..85).every { text.contains("[n$it]") }
        !text.contains('  route 10.')
        text.readLines().size() < 600

        and: 'n2: 63 subnets up the tree through n1, four below each of its children'
        n2.contains("routes 'auto': 63 subnets via n1 (10.0.0.1)")
        n2.contains("routes 'auto': 4 subnets via n6 (10.0.0.18)")
    }

    def "a lab with routes 'auto' and nothing to route compiles to no routes"() {
        expect:
        compile("namespace 'a'\nroutes 'auto'").ok()
        lab("namespace 'a'\nroutes 'auto'").namespace('a').get().routes().empty
    }
}
