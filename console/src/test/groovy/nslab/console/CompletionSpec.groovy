package nslab.console

import nslab.lang.Words
import org.jline.reader.Candidate
import org.jline.reader.impl.DefaultParser
import spock.lang.Shared
import spock.lang.Specification

/**
 * What Tab offers after each kind of line. The namespaces here exist only in the session's lab
 * (nothing is applied), so the kernel adds none of its own to them.
 */
class CompletionSpec extends Specification {
    @Shared ConsoleCompleter completer
    @Shared DefaultParser parser = new DefaultParser()
    @Shared File dir
    @Shared org.jline.reader.LineReader reader

    def setupSpec() {
        def terminal = new org.jline.terminal.impl.DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
        def ctx = new ConsoleContext(terminal, new ConsoleOptions(nslab.command.Settings.fromEnvironment().inSandbox(false), false, null, false), null)
        def session = ctx.session
        def lines = ["namespace 'zz-gw'", "namespace 'zz-pc' { veth 'eth0' peer 'zz-gw', name: 'down0'; veth 'eth1' peer 'zz-gw', name: 'down1' }"]
        lines.each { l -> def c = session.typed(l); def r = session.tryWith(c); assert r.ok(); session.accept(c, r) }
        completer = new ConsoleCompleter(ctx, { it in ['exec', 'help', 'load', 'capture', 'ping', 'shell', 'plan'] })
        reader = org.jline.reader.LineReaderBuilder.builder().terminal(terminal).build()
        dir = File.createTempDir()
        new File(dir, 'three-hosts.groovy').text = ''
    }

    def cleanupSpec() {
        dir?.deleteDir()
    }

    List<String> offered(String line) {
        def parsed = parser.parse(line, line.length(), org.jline.reader.Parser.ParseContext.COMPLETE)
        List<Candidate> candidates = []
        completer.complete(reader, parsed, candidates)
        candidates*.value()
    }

    def "after undo and edit the numbers of the entries, as entries lists them"() {
        expect:
        offered('undo ') == ['1', '2']
        offered('edit ') == ['1', '2']
        offered('undo 1 ') == []
    }

    def "namespaces of the session's lab wherever a namespace goes"() {
        expect:
        offered(line).containsAll(['zz-gw', 'zz-pc'])

        where:
        line << ['exec ', 'shell ', 'ping ', 'ping zz-pc ', 'capture ', '', "namespace 'zz-pc' { veth 'x' peer "]
    }

    def "in lab language only what fits the place: namespaces after peer, that namespace's interfaces after dev, out: and in:, the block's words"() {
        when:
        def got = offered(line)

        then:
        got.containsAll(offeredThere)
        got.intersect(notThere).isEmpty()

        where:
        line                                                   || offeredThere      | notThere
        "namespace 'zz-pc' { veth 'x' peer '"                  || ['zz-gw', 'zz-pc'] | ['veth', 'namespace', 'ip']
        "namespace 'zz-pc' {\n  dev '"                         || ['eth0', 'eth1']   | ['down0', 'zz-gw', 'veth']
        "namespace 'zz-gw' { dev 'down0' { ip '10.0.0.1/24' }; dev '" || ['down0', 'down1'] | ['eth0']
        "namespace 'zz-pc' {\n  "                              || ['veth', 'ip', 'dev'] | ['namespace', 'lab', 'reach', 'zz-gw']
        "expect {\n  "                                         || ['reach', 'unreachable'] | ['veth', 'namespace']
        "namespace 'zz-pc' { masquerade '10.0.0.0/24', out: '"  || ['eth0', 'eth1']   | ['down0', 'zz-gw', 'veth']
        "namespace 'zz-gw' {\n  accept in: '"                   || ['down0', 'down1'] | ['eth0', 'zz-pc', 'accept']
        ''                                                     || ['namespace', 'lab', 'zz-gw'] | ['veth', 'reach']
    }

    def "on a 200-namespace lab completion answers within 50 ms"() {
        given:
        def terminal = new org.jline.terminal.impl.DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
        def ctx = new ConsoleContext(terminal, new ConsoleOptions(nslab.command.Settings.fromEnvironment().inSandbox(false), false, null, false), null)
        def big = ctx.session.typed('(1..200).each { i -> namespace("n$i") { veth "e$i" peer "n${i % 200 + 1}", name: "p$i" } }')
        ctx.session.accept(big, ctx.session.tryWith(big))
        def bigCompleter = new ConsoleCompleter(ctx, { false })
        def times = []

        when:
        for (int round = 0; round < 30; round++) {
            for (String line : ["namespace 'n7' { veth 'x' peer '", "namespace 'n7' {\n  dev '", "namespace 'n7' {\n  ", 'exec n7 ip link set dev ']) {
                def parsed = parser.parse(line, line.length(), org.jline.reader.Parser.ParseContext.COMPLETE)
                long t0 = System.nanoTime()
                bigCompleter.complete(reader, parsed, [])
                times << (System.nanoTime() - t0) / 1_000_000
            }
        }
        def steady = times.drop(20).sort()

        then: 'the median and the 95th percentile after warm-up (the very slowest is the scheduler\'s on a loaded machine, not the completer\'s)'
        ctx.session.namespaceNames().size() == 200
        steady[steady.size().intdiv(2)] < 50
        steady[(int) (steady.size() * 0.95)] < 50
    }

    def "interface names of the namespace in question where the command takes one"() {
        expect:
        offered(line).containsAll(expected)
        !offered(line).contains(notExpected)

        where:
        line                                  | expected         | notExpected
        'exec zz-pc ip link set dev '         | ['eth0', 'eth1'] | 'down0'
        'exec zz-gw ip link set dev '         | ['down0', 'down1'] | 'eth0'
        'capture zz-pc '                      | ['eth0', 'eth1'] | 'down0'
        'zz-pc tcpdump -i '                   | ['eth0', 'eth1'] | 'down1'
        'exec zz-pc ip addr show '            | ['eth0', 'eth1'] | 'down1'
    }

    def "after exec NS, outside an interface position, namespace names (they stand for addresses)"() {
        expect:
        offered('exec zz-pc ping ').contains('zz-gw')
        !offered('exec zz-pc ping ').contains('eth0')
    }

    def "lab words at the start and inside lab lines; help takes lab words"() {
        expect:
        offered('').containsAll(Words.names(Words.Context.TOP))
        offered("namespace 'a' { ").containsAll(['veth', 'ip', 'gateway'])
        offered('help ').containsAll(Words.names())
    }

    def "files after load"() {
        expect:
        offered("load ${dir}/th").any { it.endsWith('three-hosts.groovy') }
    }
}
