package nslab.model

import spock.lang.Specification

class IpPrefixSpec extends Specification {

    def "parses #text"() {
        when:
        def p = IpPrefix.parse(text)

        then:
        p.present == valid
        !valid || (p.get().v6() == v6 && p.get().length() == length)

        where:
        text                  | valid | v6    | length
        '10.0.0.1/24'         | true  | false | 24
        '10.0.0.1'            | true  | false | 32
        '2001:db8:1::1/64'    | true  | true  | 64
        '::1'                 | true  | true  | 128
        '::ffff:10.0.0.1/96'  | true  | true  | 96
        'fe80::1'             | true  | true  | 128
        '10.0.0.256/24'       | false | false | 0
        '10.0.0/24'           | false | false | 0
        '10.0.0.1/33'         | false | false | 0
        '2001:db8:::1'        | false | true  | 0
        '1:2:3:4:5:6:7:8:9'   | false | true  | 0
        'server'              | false | false | 0
        'localhost'           | false | false | 0
    }

    def "subnets: #a contains #b is #expected"() {
        expect:
        IpPrefix.parse(a).get().contains(IpPrefix.parse(b).get()) == expected

        where:
        a                 | b               | expected
        '10.0.0.1/24'     | '10.0.0.254'    | true
        '10.0.0.1/24'     | '10.0.1.1'      | false
        '10.0.0.0/8'      | '10.200.0.1'    | true
        '2001:db8::1/64'  | '2001:db8::fe'  | true
        '2001:db8::1/64'  | '10.0.0.1'      | false
    }

    def "networkText gives the network: #text"() {
        expect:
        IpPrefix.parse(text).get().networkText() == network

        where:
        text              | network
        '10.0.1.7/24'     | '10.0.1.0/24'
        '192.168.8.1/16'  | '192.168.0.0/16'
        '2001:db8::1/64'  | '2001:db8::/64'
    }
}
