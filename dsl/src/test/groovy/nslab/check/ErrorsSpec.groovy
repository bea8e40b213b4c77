package nslab.check

import spock.lang.Specification

import static nslab.LabFixtures.compile

/**
 * Every mistake of the contract's "Errors" section, and those the Linux tools would refuse, is
 * reported before anything runs: with the file, the line, what is wrong and what would be right.
 */
class ErrorsSpec extends Specification {

    def "#what is reported at line #line"() {
        when:
        def c = compile(script, 'labs/bad.groovy')
        def error = c.errors().find { it.message().contains(message) }

        then:
        !c.ok()
        c.plan() == null
        error != null
        error.source().file() == 'labs/bad.groovy'
        error.source().line() == line
        hint == null || error.hint()?.contains(hint)
        !error.format().contains('\tat ')

        where:
        what                                  | line | message                                          | hint                         | script
        'an unknown word'                     | 2    | "unknown word 'nmespace'"                        | "did you mean 'namespace'?"  | "lab 'x'\nnmespace 'a'"
        'an unknown word in a namespace'      | 3    | "unknown word 'vet'"                             | "did you mean 'veth'?"       | "namespace 'b'\nnamespace 'a' {\n  vet 'x' peer 'b'\n}"
        'an unknown bare word'                | 2    | "unknown word 'dwn'"                             | "did you mean 'down'?"       | "namespace 'a' {\n  dwn\n}"
        'an unknown word with a block'        | 1    | "unknown word 'namspace'"                        | "did you mean 'namespace'?"  | "namspace 'a' { }"
        'an unknown word after veth'          | 2    | "unknown word 'per'"                             | "did you mean 'peer'?"       | "namespace 'a' {\n veth 'x' per 'b'\n}"
        'a word in the wrong block'           | 1    | "'ip' belongs inside a namespace or host block"  | "write it inside a namespace or host block: ip '10.0.0.1/24'" | "ip '10.0.0.1/24'"
        'a namespace inside a namespace'      | 1    | "'namespace' belongs at the top level"           | "write it at the top level of the script: namespace 'inner' { ... }" | "namespace 'outer' { namespace 'inner' }"
        'ping inside expect'                  | 1    | "unknown word 'ping'"                            | "did you mean 'reach'? (reach 'client' to '192.168.100.1')" | "expect { ping 'a' to 'b' }"
        'a word like none of the language'    | 1    | "unknown word 'frobnicate'"                      | "listed by help in the console (./nslab) and in docs/language.md" | "frobnicate 'a'"
        'a word with wrong arguments'         | 2    | "'mtu' does not take ('big')"                    | 'write: mtu 1400'            | "namespace 'a' { veth 'x' peer 'y'\n mtu 'big' }\nnamespace 'y'"
        'a Groovy syntax error'               | 2    | 'Groovy syntax error'                            | 'quotes, commas and braces'  | "namespace 'a' {\n  ip '10.0.0.1/24\n}"
        'a Groovy keyword unquoted in a block' | 4   | "`default` needs quotes: `route 'default' via '10.0.0.1'`" | 'a word of Groovy itself' | "lab 'x'\nnamespace 'a' {\n  veth 'v' peer 'b'; ip '10.0.0.2/24'\n  route default via '10.0.0.1'\n}\nnamespace 'b'"
        'a syntax error inside a block'       | 4    | 'Groovy syntax error on this line (Groovy noticed it at line 2' | 'parentheses on this line' | "lab 'x'\nnamespace 'a' {\n  tap 't'\n  mtu 1400)\n  ip '10.0.0.1/24'\n}"
        'an unclosed brace'                   | 2    | "this '{' is never closed"                       | "add the '}'"                | "lab 'x'\nnamespace 'a' {\n  tap 't' { ip '10.0.0.1/24' }  // a '{' in a comment\n  ip '10.0.0.2/24'\n"
        'a brace that closes nothing'         | 3    | "this '}' closes no block"                       | 'remove it'                  | "namespace 'a' {\n  tap '}'\n} }"
        'an exception in the user code'       | 2    | 'the script failed'                              | null                         | "namespace 'a'\ndef x = 1 / 0"
        'an invalid namespace name'           | 1    | "namespace name 'bad name' is not valid"         | 'letters, digits'            | "namespace 'bad name'"
        'a too long namespace name'           | 1    | 'at most 64 are allowed'                         | 'shorter'                    | "namespace '${'n' * 65}'"
        'a too long interface name'           | 2    | 'Linux allows at most 15'                        | '1 to 15 characters'         | "namespace 'b'\nnamespace 'a' { veth 'sixteen-chars-xx' peer 'b', name: 'ok' }"
        "an interface name with '/'"          | 2    | "may not contain '/'"                            | null                         | "namespace 'b'\nnamespace 'a' { veth 'a/b' peer 'b', name: 'ok' }"
        "an interface named '..'"             | 2    | "cannot be '.' or '..'"                          | null                         | "namespace 'b'\nnamespace 'a' { veth '..' peer 'b', name: 'ok' }"
        'a duplicate interface'               | 3    | "interface 'x' is declared twice in a"           | "dev 'x'"                    | "namespace 'a' {\n tap 'x'\n tun 'x'\n}"
        'the same address twice'              | 3    | 'address 10.0.0.1 is given twice in a'           | 'remove one'                 | "namespace 'a' {\n tap 't0'; ip '10.0.0.1/24'\n tap 't1'; ip '10.0.0.1/16'\n}"
        'a malformed address'                 | 2    | "'10.0.0.300/24' is not a valid address"         | "'10.0.0.1/24'"              | "namespace 'a' { tap 't'\n ip '10.0.0.300/24' }"
        'a malformed prefix'                  | 2    | "'10.0.0.1/33' is not a valid address"           | null                         | "namespace 'a' { tap 't'\n ip '10.0.0.1/33' }"
        'a malformed IPv6 address'            | 2    | "'2001:db8:::1/64' is not a valid address"       | null                         | "namespace 'a' { tap 't'\n ip '2001:db8:::1/64' }"
        'an address with a leading zero'      | 2    | "'010.0.0.1/24' has a number with a leading zero, which iproute2 reads as octal (8.0.0.1/24)" | "write '10.0.0.1/24' (or '8.0.0.1/24' if octal was meant)" | "namespace 'a' { tap 't'\n ip '010.0.0.1/24' }"
        'a prefix length with a leading zero' | 2    | "'10.0.0.1/024' has a prefix length with a leading zero, which iproute2 reads as octal (10.0.0.1/20)" | "write '10.0.0.1/24'" | "namespace 'a' { tap 't'\n ip '10.0.0.1/024' }"
        'an IPv4-mapped IPv6 address'         | 2    | "'::ffff:10.0.0.1/24' is an IPv4-mapped IPv6 address, which iproute2 adds as IPv6 and netlink as IPv4" | "write the IPv4 address: '10.0.0.1/24'" | "namespace 'a' { tap 't'\n ip '::ffff:10.0.0.1/24' }"
        'a gateway with a leading zero'       | 2    | "'10.0.0.025' has a number with a leading zero, which iproute2 reads as octal (10.0.0.21)" | "write '10.0.0.25'" | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n gateway '10.0.0.025' }"
        'a route with a leading-zero length'  | 2    | "'10.1.0.0/016' has a prefix length with a leading zero" | "write '10.1.0.0/16'" | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n route '10.1.0.0/016' dev 't' }"
        'a vxlan remote that is IPv4-mapped'  | 2    | "'::ffff:10.0.0.2' is an IPv4-mapped IPv6 address" | "'10.0.0.2'"             | "namespace 'a' {\n vxlan 'vx0', id: 1, remote: '::ffff:10.0.0.2' }"
        'a reach to a leading-zero address'   | 2    | "'10.0.0.01' has a number with a leading zero"   | "write '10.0.0.1'"         | "namespace 'a'\nexpect { reach 'a' to '10.0.0.01' }"
        'an MTU that wraps'                   | 2    | 'mtu 18446744073709553016 is not a whole number from 68 to 65535' | 'mtu 1400' | "namespace 'a' { tap 't'\n mtu 18446744073709553016 }"
        'an MTU that is no whole number'      | 2    | 'mtu 1400.5 is not a whole number from 68 to 65535' | 'mtu 1400'            | "namespace 'a' { tap 't'\n mtu 1400.5 }"
        'a forwardPort port that wraps'       | 2    | 'forwardPort 4294967376 is not a whole number from 1 to 65535' | null            | "namespace 'a' {\n forwardPort 4294967376, to: '10.0.0.1:80' }"
        'a forwardPort to: port that wraps'   | 2    | 'forwardPort to: port 4294967376 is not a whole number from 1 to 65535' | "to: '10.0.0.1:80'" | "namespace 'a' {\n forwardPort 8080, to: '10.0.0.1:4294967376' }"
        'a forwardPort port of 0'             | 2    | 'forwardPort ports must be from 1 to 65535'      | null                         | "namespace 'a' {\n forwardPort 0, to: '10.0.0.1:80' }"
        'a VLAN id that wraps'                | 2    | 'vlan id 4294967306 is not a whole number from 1 to 4094' | 'id: 10'             | "namespace 'a' { tap 'eth0'\n vlan 'v' on 'eth0', id: 4294967306 }"
        'a VNI that wraps'                    | 2    | 'vxlan id 4294967338 is not a whole number from 0 to 16777215' | 'id: 42'        | "namespace 'a' {\n vxlan 'vx0', id: 4294967338, remote: '10.0.0.2' }"
        'a VNI out of range'                  | 2    | "needs an id (VNI) from 0 to 16777215, not 16777216" | null                     | "namespace 'a' {\n vxlan 'vx0', id: 16777216, remote: '10.0.0.2' }"
        'a vxlan port that wraps'             | 2    | 'vxlan port 4294967296 is not a whole number from 1 to 65535' | 'port: 4789'     | "namespace 'a' {\n vxlan 'vx0', id: 1, port: 4294967296, remote: '10.0.0.2' }"
        'a sysctl value out of its meaning'   | 2    | 'sysctl net.ipv4.conf.all.rp_filter value 3 is out of range' | 'from 0 to 2'     | "namespace 'a' {\n sysctl 'net.ipv4.conf.all.rp_filter', 3 }"
        'a sysctl value that is no number'    | 2    | "sysctl net.ipv4.ip_forward takes a number, not 'yes'" | 'from 0 to 1'           | "namespace 'a' {\n sysctl 'net.ipv4.ip_forward', 'yes' }"
        'a sysctl value too large for the kernel' | 2 | 'is larger than any kernel setting holds'         | '64 bits'                    | "namespace 'a' {\n sysctl 'net.core.somaxconn', 18446744073709553016 }"
        'a sysctl value with a fraction'      | 2    | 'value 1.5 is not a whole number'                | null                         | "namespace 'a' {\n sysctl 'net.core.somaxconn', 1.5 }"
        'a netem loss over 100%'              | 2    | "netem loss '150%' is more than 100%"            | '0% to 100%'                 | "namespace 'a' { tap 't'\n netem loss: '150%' }"
        'a netem limit that wraps'            | 2    | 'netem limit 4294967296 is out of range'         | '0 to 4294967295'            | "namespace 'a' { tap 't'\n netem limit: '4294967296' }"
        'ip with no interface'                | 2    | "ip '10.0.0.1/24' needs an interface"            | "dev 'NAME'"                 | "namespace 'a' {\n ip '10.0.0.1/24'\n}"
        'a peer naming an undeclared namespace' | 1  | "namespace 'gatway' is used here but never declared" | "did you mean 'gateway'?" | "namespace 'server' { veth 'v' peer 'gatway', name: 'x' }\nnamespace 'gateway'"
        'a mistyped peer without name:'       | 1    | "namespace 'gatway' is used here but never declared" | "did you mean 'gateway'?" | "namespace 'server' { veth 'v' peer 'gatway' }\nnamespace 'gateway'"
        'a link naming an undeclared namespace' | 2  | "namespace 'net2' is used here but never declared" | "did you mean 'net1'?"     | "namespace 'net1'\nlink 'net1', 'net2'"
        'a reach from an undeclared namespace' | 3   | "reach starts from namespace 'clent', which is not declared" | "did you mean 'client'?" | "namespace 'client'\nexpect {\n reach 'clent' to '10.0.0.1'\n}"
        'a reach to an unknown target'        | 3    | "reach target 'sever' is neither an IP address nor a namespace" | "did you mean 'server'?" | "namespace 'server'\nexpect {\n reach 'server' to 'sever'\n}"
        'a reach to a namespace with no address' | 3 | "namespace 'b' has no address"                   | null                         | "namespace 'a'\nnamespace 'b'\nexpect { reach 'a' to 'b' }"
        'a dev naming no interface'           | 2    | "dev 'eth9' names an interface declared nowhere in a" | null                    | "namespace 'a' {\n dev 'eth9' { ip '10.0.0.1/24' }\n}"
        'a port naming no interface'          | 2    | "port 'nope' of bridge br0 names an interface declared nowhere" | null          | "namespace 'a' {\n bridge 'br0' { port 'nope' }\n}"
        'a port outside a bridge'             | 2    | 'port belongs inside a bridge block'             | "bridge 'br0'"               | "namespace 'a' { tap 't'\n port 't' }"
        'a gateway on no subnet (a /32 address)' | 3    | 'gateway 10.0.0.2 is on no subnet of nstest'     | "route '10.0.0.2' dev 'veth-b'"      | "namespace 'nstest' {\n tap 'veth-b'; ip '10.0.0.3'\n gateway '10.0.0.2'\n}"
        'a route via a gateway on another device' | 3 | 'is on no subnet of a on t1'                    | null                         | "namespace 'a' {\n tap 't0'; ip '10.0.0.1/24'; tap 't1'\n route '10.9.0.0/16' via '10.0.0.2' dev 't1'\n}"
        'a route with neither via nor dev'    | 2    | 'says neither where to send'                     | "via '10.0.0.254'"           | "namespace 'a' {\n route '10.0.0.0/8'\n}"
        'a route destination with host bits'  | 2    | 'has host bits set'                              | "route '10.0.0.0/8'"         | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n route '10.0.0.1/8' dev 't' }"
        'a second default route'              | 3    | 'a second default route in a'                    | 'keep one'                   | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n gateway '10.0.0.254'\n gateway '10.0.0.253' }"
        'a route via an unknown device'       | 2    | "route dev 'eht0' is not an interface of a"      | "did you mean 'eth0'?"       | "namespace 'a' { tap 'eth0'\n route '10.0.0.0/8' dev 'eht0' }"
        'a gateway of the other family'       | 2    | 'an address of the other IP family'              | null                         | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n route '2001:db8::/64' via '10.0.0.2' }"
        'two default peer names colliding'    | 3    | "two veth ends in 'hub' would both be called 'a'" | "name: 'a2'"                | "namespace 'hub'\nnamespace 'a' { veth 'x' peer 'hub' }\nnamespace 'a' { veth 'y' peer 'hub' }"
        'a veth without peer'                 | 1    | "veth 'x' has no other end"                      | "peer 'other-namespace'"     | "namespace 'a' { veth 'x' }"
        'an MTU out of range'                 | 2    | 'MTU 20 of t is out of range'                    | '68 to 65535'                | "namespace 'a' { tap 't'\n mtu 20 }"
        'a malformed MAC'                     | 2    | "'02:00:00:00:01' is not a MAC address"          | 'six hex pairs'              | "namespace 'a' { tap 't'\n mac '02:00:00:00:01' }"
        'a multicast MAC'                     | 2    | 'is a multicast address'                         | 'first byte even'            | "namespace 'a' { tap 't'\n mac '01:00:00:00:00:01' }"
        'a macvlan on a missing parent'       | 2    | "macvlan 'mv0' sits on 'eth0', which is not an interface of a" | null          | "namespace 'a' { tap 't'\n macvlan 'mv0' on 'eth0' }"
        'a macvlan from a namespace of the lab' | 2  | "macvlan 'mv0' on 'eth0' takes its parent from 'b', but from: takes only 'host'" | "or leave from: out for one of a" | "namespace 'a' {\n macvlan 'mv0' on 'eth0', from: 'b' }\nnamespace 'b' { tap 'eth0' }"
        'a near miss of host in from:'        | 2    | "takes its parent from 'hots', but from: takes only 'host'" | "did you mean 'host'?" | "namespace 'a' {\n macvlan 'mv0' on 'eth0', from: 'hots' }"
        'a macvlan from the host in host'     | 2    | "macvlan 'mv0' on 'eth0', from: 'host' is in host already" | "leave from: out"  | "host {\n macvlan 'mv0' on 'eth0', from: 'host' }"
        'from: after vlan'                    | 2    | "'on' has no named argument 'from:'"              | 'on after vlan takes id:'    | "namespace 'a' { tap 'eth0'\n vlan 'v' on 'eth0', id: 5, from: 'host' }"
        'a macvlan with no parent'            | 2    | "macvlan 'mv0' needs a parent interface"         | "on 'eth0'"                  | "namespace 'a' {\n macvlan 'mv0' }"
        'an unknown macvlan mode'             | 2    | "macvlan mode 'bridged' is not one the kernel knows" | 'bridge'                 | "namespace 'a' { tap 'eth0'\n macvlan 'mv0', mode: 'bridged' on 'eth0' }"
        'a vlan id out of range'              | 2    | 'needs an id from 1 to 4094, not 5000'           | null                         | "namespace 'a' { tap 'eth0'\n vlan 'v' on 'eth0', id: 5000 }"
        'a vxlan without id'                  | 2    | "vxlan 'vx0' needs an id (VNI)"                  | 'id: 42'                     | "namespace 'a' {\n vxlan 'vx0', remote: '10.0.0.2' }"
        'a vxlan remote that is no address'   | 2    | "vxlan remote 'far' is not an IP address"        | null                         | "namespace 'a' {\n vxlan 'vx0', id: 1, remote: 'far' }"
        'a TUN device as a bridge port'       | 2    | 'TUN device tun0 cannot be a bridge port'        | "tap 'tun0'"                 | "namespace 'a' { tun 'tun0'\n bridge 'br0' { port 'tun0' } }"
        'an unknown netem parameter'          | 2    | "'netem' has no named argument 'dealy:'"         | "did you mean 'delay:'?"     | "namespace 'a' { tap 't'\n netem dealy: '10ms' }"
        'a netem value without unit'          | 2    | "netem delay '10' is not understood"             | "'10ms'"                     | "namespace 'a' { tap 't'\n netem delay: '10' }"
        'a rate without unit'                 | 2    | "rate '10' is not understood"                    | "'10mbit'"                   | "namespace 'a' { tap 't'\n rate '10' }"
        'a masquerade of no subnet'           | 2    | "masquerade source 'lan' is not a subnet"        | null                         | "namespace 'a' {\n masquerade 'lan', out: 'eth0' }"
        'a forwardPort without a port'        | 2    | "forwardPort needs to: 'IPv4-ADDRESS:PORT'"      | null                         | "namespace 'a' {\n forwardPort 80, to: 'server' }"
        'run in host'                         | 2    | 'run in host would start a program on the machine itself' | null              | "host {\n run 'sleep 100' }"
        'an invalid lab name'                 | 1    | "the lab name 'my lab' is not valid"             | null                         | "lab 'my lab'\nnamespace 'a'"
        'a reach with no target'              | 2    | "reach 'a' says from where but not to what"      | "to '10.0.0.1'"              | "namespace 'a'\nexpect { reach 'a' }"
        'a gateway behind a down interface'   | 3    | 'which the lab leaves down'                      | "remove 'down'"              | "namespace 'b'\nnamespace 'a' { veth 'x' peer 'b'; ip '10.0.0.1/24'; down\n gateway '10.0.0.2' }"
        'a gateway behind a TAP device'       | 2    | 'has no carrier until a program opens it'        | 'through a veth'             | "namespace 'a' { tap 't'; ip '10.0.0.1/24'\n gateway '10.0.0.2' }"
        'a word with too few arguments'       | 2    | "'peer' needs more than that"                    | "peer 'gateway'"             | "namespace 'a' {\n veth 'x' peer }"
        'a reach out of an unknown dev'       | 2    | "leaves by dev 'eth9'"                           | null                         | "namespace 'a' { tap 't'; ip '10.0.0.1/24' }\nexpect { reach 'a' to '10.0.0.1', dev: 'eth9' }"
    }

    def "all problems are reported together, in line order"() {
        when:
        def c = compile("""namespace 'a' {
    tap 't'
    ip '10.0.0.300/24'
    mtu 20
}
namespace 'bad name'
""")

        then:
        c.errors()*.source()*.line() == [3, 4, 6]
    }

    def "several misspelt words are reported together, each at its own line"() {
        when: 'Groovy stops at the first; the others are found by reading the script again'
        def c = compile("""lab 'typos'
namespace 'a' {
    veth 'v0' peer 'b'
    ipp '10.0.1.1/24'
    gatewya '10.0.1.254'
    dwn
}
namespace 'b' {
    dev 'a' { ip '10.0.1.2/24' }
    forwrd true
}
bridg 'br0' { port 'x' }
expect { rech 'a' to 'b' }
""")

        then:
        c.errors().collect { [it.source().line(), it.message()] } == [
                [4, "unknown word 'ipp'"], [5, "unknown word 'gatewya'"], [6, "unknown word 'dwn'"],
                [10, "unknown word 'forwrd'"], [12, "unknown word 'bridg'"], [13, "unknown word 'rech'"]]
        c.errors()*.hint() == ["did you mean 'ip'?", "did you mean 'gateway'?", "did you mean 'down'?",
                               "did you mean 'forward'?", "did you mean 'bridge'?", "did you mean 'reach'?"]
    }

    def "the script's own methods and variables, and Groovy's, are not taken for typos"() {
        when:
        def c = compile("""def ipv(n) { "10.0.\$n.1/24" }
def gw = { n -> "10.0.\$n.254" }
namespace 'a' {
    tap 't0'
    ip ipv(1)
    gateway gw(1)
    println 'building a'
    tapp 't1'
}
namespace 'b' { tapp 't2' }
""")

        then: 'only the two real typos'
        c.errors().collect { [it.source().line(), it.message()] } == [[8, "unknown word 'tapp'"], [10, "unknown word 'tapp'"]]
    }

    def "a problem prints as file:line: error: message, with the hint below"() {
        when:
        def c = compile("nmespace 'a'", 'lab.groovy')

        then:
        c.errors()[0].format() == "lab.groovy:1: error: unknown word 'nmespace'\n    did you mean 'namespace'?"
    }
}
