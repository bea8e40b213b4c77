package nslab.check

import spock.lang.Specification

import static nslab.LabFixtures.compile

/** Doubtful but legal labs get a warning and still a plan. */
class WarningsSpec extends Specification {

    def "#what warns at line #line and still plans"() {
        when:
        def c = compile(script)

        then:
        c.ok()
        c.warnings().any { it.source().line() == line && it.message().contains(message) }

        where:
        what                               | line | message                                                  | script
        'an address without prefix'        | 2    | 'means /32 and no connected route will exist'            | "namespace 'a' { tap 't'\n ip '10.0.0.1' }"
        'an IPv6 address without prefix'   | 2    | 'means /128'                                             | "namespace 'a' { tap 't'\n ip '2001:db8::1' }"
        'veth ends in different subnets'   | 2    | 'are in different subnets'                               | "namespace 'b'\nnamespace 'a' { veth 'x' peer 'b', name: 'y', ip: '10.0.1.2/24'\n ip '10.0.0.1/24' }"
        'an address on a bridge port'      | 3    | 'an address on a port is not used'                       | "namespace 'a' { tap 't'\n bridge 'br0' { port 't' }\n ip '10.0.0.1/24', dev: 't' }"
    }

    def "veth ends in one subnet earn no warning"() {
        expect:
        compile("namespace 'b'\nnamespace 'a' { veth 'x' peer 'b', name: 'y', ip: '10.0.0.2/24'\n ip '10.0.0.1/24' }")
                .warnings().isEmpty()
    }

    def "an address on a namespace's own lo, with or without /32, earns no warning; on the host's lo it is an error"() {
        expect:
        compile("namespace 'a' { ip '1.1.1.1', dev: 'lo'\n dev 'lo' { ip '1.1.1.2/32' } }").with { ok() && warnings().isEmpty() }

        and:
        compile("host { ip '1.1.1.1/32', dev: 'lo' }").errors()*.message() == ["dev 'lo' names an interface declared nowhere in host"]
    }
}
