package nslab.console

import nslab.LabCompiler
import nslab.lang.LabLoader
import spock.lang.Specification

/** The small pieces the console is made of, each on its own. */
class ConsolePartsSpec extends Specification {

    def "the first word of a line decides what it is"() {
        expect:
        LineDispatcher.firstWord(line) == first

        where:
        line                              | first
        "namespace 'a' {"                 | 'namespace'
        '  exec a ip addr'                | 'exec'
        'client ping -c2 server'          | 'client'
        'net-1.x ip addr'                 | 'net-1.x'
        '(1..3).each { namespace "n$it" }'| '('
        ''                                | ''
    }

    def "quotes are taken off a command's words, as a shell would"() {
        expect:
        LineDispatcher.unquote(word) == plain

        where:
        word              | plain
        "'two words'"     | 'two words'
        '"x y"'           | 'x y'
        'it\\\'s'          | "it's"
        "a'b c'd"         | 'ab cd'
        '\'$HOME\''       | '$HOME'
        'plain'           | 'plain'
    }

    def "a namespace name stands for its first IPv4 address only where the command expects an address"() {
        given: 'a lab whose namespaces are named like words of ip (bridge) and like interfaces (server)'
        def lab = new LabCompiler().compile('t', [new LabLoader.Chunk('<t>', 1, """
            namespace 'server'
            namespace 'client' { veth 'c0' peer 'server', name: 's0'; ip '10.0.0.1/24'; ip '10.0.0.9/24' }
            namespace 'server' { dev 's0' { ip '2001:db8::2/64'; ip '10.0.0.2/24' } }
            namespace 'bridge' { veth 'b0' peer 'client', name: 'server'; ip '10.95.0.254/24' }
            namespace 'bare'
        """.stripIndent())]).lab()

        expect:
        Targets.substitute(lab, command) == expected

        where:
        command                                  | expected
        ['ping', '-c2', 'server']                | ['ping', '-c2', '10.0.0.2']
        ['ping', 'client']                       | ['ping', '10.0.0.1']
        ['/bin/ping', '-c', '1', 'bridge']       | ['/bin/ping', '-c', '1', '10.95.0.254']
        ['ping', '-I', 'server', 'bridge']       | ['ping', '-I', 'server', '10.95.0.254']
        ['traceroute', '-i', 'server', 'server'] | ['traceroute', '-i', 'server', '10.0.0.2']
        ['iperf3', '-c', 'server', '-t', '1']    | ['iperf3', '-c', '10.0.0.2', '-t', '1']
        ['nc', '-zv', 'server', '80']            | ['nc', '-zv', '10.0.0.2', '80']
        ['curl', 'http://server:8080/x']         | ['curl', 'http://10.0.0.2:8080/x']
        ['wget', '-q', 'http://server/']         | ['wget', '-q', 'http://10.0.0.2/']
        ['ssh', 'root@server']                   | ['ssh', 'root@10.0.0.2']
        ['server', 'x']                          | ['server', 'x']
        ['ping', 'bare']                         | ['ping', 'bare']
        ['ping', '192.0.2.1']                    | ['ping', '192.0.2.1']
        ['curl', 'www.example.com']              | ['curl', 'www.example.com']
        ['tcpdump', '-i', 'server']              | ['tcpdump', '-i', 'server']
        ['echo', 'server']                       | ['echo', 'server']
        ['ip', '-br', 'link', 'show', 'type', 'bridge'] | ['ip', '-br', 'link', 'show', 'type', 'bridge']
        ['ip', 'link', 'add', 'br0', 'type', 'bridge']  | ['ip', 'link', 'add', 'br0', 'type', 'bridge']
        ['ip', 'link', 'set', 'dev', 'server']   | ['ip', 'link', 'set', 'dev', 'server']
        ['ip', 'link', 'set', 'server', 'up']    | ['ip', 'link', 'set', 'server', 'up']
        ['ip', 'route', 'add', '10.9.0.0/16', 'via', 'server'] | ['ip', 'route', 'add', '10.9.0.0/16', 'via', '10.0.0.2']
        ['ip', 'route', 'get', 'bridge']         | ['ip', 'route', 'get', '10.95.0.254']
        ['ip', '-br', 'server']                  | ['ip', '-br', 'server']
        ['ip', '-n', 'client', 'server']         | ['ip', '-n', 'client', 'server']
        ['ip', '-n', 'client', 'route', 'add', '10.9.0.0/16', 'via', 'server'] | ['ip', '-n', 'client', 'route', 'add', '10.9.0.0/16', 'via', '10.0.0.2']
    }

    def "the session keeps a chunk only when the whole lab still compiles"() {
        given:
        def session = new ConsoleSession(new LabCompiler())

        when:
        def good = session.typed("namespace 'a'")
        session.accept(good, session.tryWith(good))
        def bad = session.typed("link 'a', 'nowhere'")
        def refused = session.tryWith(bad)

        then:
        !refused.ok()
        session.namespaceNames() == ['a']
        bad.firstLine() == 2
    }

    def "a file loaded again replaces its earlier text; typed lines always add"() {
        given:
        def session = new ConsoleSession(new LabCompiler())
        def first = new LabLoader.Chunk('lab.groovy', 1, "namespace 'a'")
        session.accept(first, session.tryWith(first))
        def again = new LabLoader.Chunk('lab.groovy', 1, "namespace 'b'")
        session.accept(again, session.tryWith(again))

        expect:
        session.namespaceNames() == ['b']
        session.labName() == 'lab'
    }
}
