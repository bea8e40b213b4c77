package nslab.render

import spock.lang.Specification

import static nslab.LabFixtures.plan

class ShellScriptRendererSpec extends Specification {

    def "quotes a word only where the shell needs it: #word"() {
        expect:
        ShellQuoting.quote(word) == quoted

        where:
        word                         | quoted
        'veth0'                      | 'veth0'
        '10.0.0.1/24'                | '10.0.0.1/24'
        'net.ipv4.ip_forward=1'      | 'net.ipv4.ip_forward=1'
        '192.168.100.1:80'           | '192.168.100.1:80'
        'python3 -m http.server 80'  | "'python3 -m http.server 80'"
        "it's"                       | "'it'\\''s'"
        ''                           | "''"
        '1%'                         | '1%'
        'a;b'                        | "'a;b'"
    }

    def "a plan prints as a POSIX script: shebang, set -e, a comment with the script line above each group"() {
        when:
        def text = new ShellScriptRenderer().render(plan("lab 'demo'\nnamespace 'a' {\n  tap 't0'\n  run 'sleep 30'\n}"))

        then:
        text.startsWith('#!/bin/sh\n')
        text.contains('\nset -e\n')
        text.contains("# lab.groovy:2: namespace 'a' {\nip netns add a\n")
        text.contains("# lab.groovy:3: tap 't0'\nip -n a tuntap add dev t0 mode tap\n")
        text.contains("ip netns exec a sh -c 'sleep 30' >/dev/null 2>&1 &\n")
    }
}
