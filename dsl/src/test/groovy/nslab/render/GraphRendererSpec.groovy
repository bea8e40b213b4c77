package nslab.render

import nslab.render.GraphRenderer.Format
import spock.lang.Specification

import static nslab.LabFixtures.lab

class GraphRendererSpec extends Specification {
    def l = lab(new File(nslab.LabFixtures.examples(), 'tun-tap-macvlan.groovy').text)

    def "text shows namespaces, their interfaces and addresses, the cables and the bridges"() {
        when:
        def text = new GraphRenderer().render(l, Format.TEXT)

        then:
        text.contains('[macs]')
        text.contains('mv0 (macvlan on eth0) 10.2.0.11/24')
        text.contains('net0:net0-bridge <----> bridge:bridge-net0')
        text.contains('bridge:br [ bridge-net0 | bridge-net1 ]')
    }

    def "dot is a Graphviz graph with a cluster per namespace"() {
        when:
        def dot = new GraphRenderer().render(l, Format.DOT)

        then:
        dot.startsWith('graph "tun-tap-macvlan" {')
        dot.contains('subgraph "cluster_bridge"')
        dot.contains('net0_net0_bridge -- bridge_bridge_net0;')
        dot.contains('bridge_bridge_net0 -- bridge_br [style=dashed];')
        dot.trim().endsWith('}')
    }

    def "mermaid is a flowchart with a subgraph per namespace"() {
        when:
        def m = new GraphRenderer().render(l, Format.MERMAID)

        then:
        m.startsWith('graph LR\n')
        m.contains('subgraph ns_wire["wire"]')
        m.contains('macs_eth0 --- wire_lan0')
    }
}
