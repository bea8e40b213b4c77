package nslab.cli

import nslab.LabCompiler
import nslab.model.DeviceKind
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path
import javax.xml.parsers.DocumentBuilderFactory
import org.w3c.dom.Element

/**
 * graph --format svg|png: the picture Graphviz's dot draws of each example, read back as XML and
 * held against the lab's model (a box per namespace, a hexagon per bridge, each cable's ends named
 * with their addresses); down cables on a live lab in a sandbox; the message when dot is missing.
 */
@IgnoreIf({ !new File('/usr/bin/dot').exists() })
class GraphPictureSpec extends Specification implements InProcessCli {
    @TempDir Path dir

    /** The SVG's root element; the parser throws if the text is not well-formed XML. */
    static Element parseSvg(String text) {
        def factory = DocumentBuilderFactory.newInstance()
        factory.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes('UTF-8'))).documentElement
    }

    static List<Element> children(Element e, String tag) {
        (0..<e.childNodes.length).collect { e.childNodes.item(it) }.findAll { it instanceof Element && it.tagName == tag }
    }

    /** The node or edge groups of the picture by title, with their texts and outline's corners. */
    static Map<String, Map> groups(Element svg, String kind) {
        def all = svg.getElementsByTagName('g')
        (0..<all.length).collect { all.item(it) as Element }.findAll { it.getAttribute('class') == kind }.collectEntries { g ->
            def polygon = children(g, 'polygon').find { true }
            [(children(g, 'title')[0].textContent): [texts: children(g, 'text')*.textContent,
                    corners: polygon ? polygon.getAttribute('points').trim().split(/\s+/).size() - 1 : 0,
                    dashed: children(g, 'path').any { it.getAttribute('stroke-dasharray') }]]
        }
    }

    def "the SVG of #example.name is well-formed and shows its namespaces, bridges and cables"() {
        given:
        def lab = new LabCompiler().compile(example.toPath()).lab()

        when:
        def r = run('graph', '--format', 'svg', example.path)
        def svg = parseSvg(r.out)
        def nodes = groups(svg, 'node')
        def edges = groups(svg, 'edge')

        then:
        r.exit == 0
        svg.tagName == 'svg'
        lab.namespaces().every { ns -> nodes["ns ${ns.name()}"]?.corners == 4 && nodes["ns ${ns.name()}"].texts[0].startsWith(ns.name()) }
        lab.namespaces().every { ns ->
            ns.interfaces().findAll { it.kind() instanceof DeviceKind.Bridge }.every { br -> nodes["bridge ${ns.name()}/${br.name()}"]?.corners == 6 }
        }
        lab.namespaces().every { ns ->
            ns.interfaces().findAll { it.kind() instanceof DeviceKind.Veth }.every { veth ->
                def ends = [veth.name()] + ns.addressesOf(veth.name())*.text()
                edges.values().any { it.texts.containsAll(ends) && !it.dashed }
            }
        }

        where:
        example << CliSpec.exampleFiles().collect { new File(it) }
    }

    def "a PNG is written with -o"() {
        given:
        def png = dir.resolve('lab.png').toFile()

        when:
        def r = run('graph', '--format', 'png', '-o', png.path, new File(CliSpec.examples(), 'bridge.groovy').path)

        then:
        r.exit == 0
        (png.bytes as List).take(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]*.byteValue()
    }

    def "a cable the script declares down, and one taken down on the live lab, are drawn dashed with 'down'"() {
        given:
        def lab = TraceSandbox.labFile("""lab 'downs'
namespace 'a' {
    veth 'a-b' peer 'b', name: 'b-a'
    ip '10.7.0.1/24'
    veth 'a-c' peer 'c', name: 'c-a'
    ip '10.8.0.1/24'
    down
}
namespace 'b' { dev 'b-a' { ip '10.7.0.2/24' } }
namespace 'c' { dev 'c-a' { ip '10.8.0.2/24' } }
""", 'downs')

        when: 'drawn from the script, then applied, the a-b cable taken down by hand, drawn again'
        def before = run('graph', '--format', 'svg', lab.path)
        def sandbox = TraceSandbox.run("""
nslab apply --no-check '$lab'
ip -n b link set dev b-a down
nslab graph --format svg '$lab'
""")
        def live = sandbox.out.readLines().dropWhile { !it.startsWith('<?xml') }.takeWhile { !it.startsWith('=== ') }.join('\n')
        def scriptEdges = groups(parseSvg(before.out), 'edge')
        def liveEdges = groups(parseSvg(live), 'edge')

        then:
        sandbox.exit == 0
        scriptEdges['ns a--ns b'].dashed == false
        scriptEdges['ns a--ns c'].dashed
        scriptEdges['ns a--ns c'].texts.contains('down')
        liveEdges['ns a--ns b'].dashed
        liveEdges['ns a--ns b'].texts.contains('down')
        liveEdges['ns a--ns c'].dashed
    }

    def "without dot on the PATH, one line says what is missing and exit 2"() {
        given:
        def java = new File(System.getProperty('java.home'), 'bin/java').path
        def pb = new ProcessBuilder(java, '-cp', System.getProperty('java.class.path'), 'nslab.cli.Main',
                'graph', '--format', 'svg', new File(CliSpec.examples(), 'bridge.groovy').path)
        pb.environment().put('PATH', dir.toString())
        pb.environment().put('NSLAB_CACHE_DIR', 'off')

        when:
        def p = pb.start()
        def out = new StringBuilder(), err = new StringBuilder()
        p.waitForProcessOutput(out, err)

        then:
        p.exitValue() == 2
        out.toString() == ''
        err.toString().readLines() == ["nslab graph: --format svg needs Graphviz's dot, which is not installed (Debian: apt-get install graphviz); --format dot prints the graph for it"]
    }
}
