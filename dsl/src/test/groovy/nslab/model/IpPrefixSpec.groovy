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
        '::ffff:10.0.0.1/96'  | false | true  | 0
        '::ffff:a00:1'        | false | true  | 0
        '64:ff9b::10.0.0.1/96' | true | true  | 96
        '2001:0DB8::1/64'     | true  | true  | 64
        '010.0.0.1/24'        | false | false | 0
        '10.0.0.00/24'        | false | false | 0
        '10.0.0.0/0'          | true  | false | 0
        '10.0.0.1/024'        | false | false | 0
        'fd00::1/064'         | false | true  | 0
        'fe80::1'             | true  | true  | 128
        '10.0.0.256/24'       | false | false | 0
        '10.0.0/24'           | false | false | 0
        '10.0.0.1/33'         | false | false | 0
        '2001:db8:::1'        | false | true  | 0
        '1:2:3:4:5:6:7:8:9'   | false | true  | 0
        'server'              | false | false | 0
        'localhost'           | false | false | 0
    }

    def "#text is refused as ambiguous: write #instead"() {
        when:
        def a = IpPrefix.ambiguity(text)

        then:
        a.get().kind().name() == kind
        a.get().instead() == instead
        a.get().octal() == octal

        where:
        text                  | kind                  | instead        | octal
        '010.0.0.1/24'        | 'LEADING_ZERO'        | '10.0.0.1/24'  | '8.0.0.1/24'
        '10.0.0.09/24'        | 'LEADING_ZERO'        | '10.0.0.9/24'  | null
        '10.0.0.1/024'        | 'LENGTH_LEADING_ZERO' | '10.0.0.1/24'  | '10.0.0.1/20'
        'fd00::1/064'         | 'LENGTH_LEADING_ZERO' | 'fd00::1/64'   | 'fd00::1/52'
        '::ffff:10.0.0.1/24'  | 'V4_MAPPED'           | '10.0.0.1/24'  | null
        '::ffff:10.0.0.1/120' | 'V4_MAPPED'           | '10.0.0.1/24'  | null
        '::ffff:a00:1'        | 'V4_MAPPED'           | '10.0.0.1'     | null
    }

    def "#text is no address and no ambiguity"() {
        expect:
        IpPrefix.ambiguity(text).empty

        where:
        text << ['10.0.0.1/24', '010.0.0.300/24', 'server', '10.0.0.1/33', '::ffff:10.0.0.1/64']
    }

    def "bytes are the address, of the family's length"() {
        expect:
        IpPrefix.parse(text).get().bytes() as List == bytes

        where:
        text            | bytes
        '10.0.0.1/24'   | [10, 0, 0, 1]
        '255.0.0.128'   | [-1, 0, 0, -128]
        '::1'           | [0] * 15 + [1]
        'ff02::2'       | [-1, 2] + [0] * 13 + [2]
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
