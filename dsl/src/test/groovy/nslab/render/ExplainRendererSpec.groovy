package nslab.render

import spock.lang.Specification

import static nslab.LabFixtures.plan

class ExplainRendererSpec extends Specification {

    def "each script line comes with the commands it produced and a sentence for each"() {
        when:
        def text = new ExplainRenderer().render(plan(new File(nslab.LabFixtures.examples(), 'server-gateway-client.groovy').text))

        then:
        text =~ /(?m)^lab.groovy:6  veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'$/
        text.contains('ip link add name svr-veth netns server type veth peer name svrgw-veth netns gateway\n')
        text.contains('creates a veth pair, a virtual cable')
        text.contains("ip netns exec gateway sysctl -w net.ipv4.ip_forward=1\n        lets gateway forward IPv4 packets")
        text.contains('checked after apply and by check: a ping from client to server must get an answer')
    }

    def "script lines come in script order although the plan runs in phase order"() {
        when:
        def text = new ExplainRenderer().render(plan("namespace 'a' {\n veth 't' peer 'u'\n ip '10.0.0.1/24'\n gateway '10.0.0.254'\n}"))
        def lines = text.readLines().findAll { it.startsWith('lab.groovy:') }*.replaceAll(/^lab.groovy:(\d+).*/, '$1')*.toInteger()

        then:
        lines == [1, 2, 3, 4]
    }
}
