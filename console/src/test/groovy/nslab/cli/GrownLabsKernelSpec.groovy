package nslab.cli

import spock.lang.Specification

/**
 * {@code nslab apply --topo KIND,N} writes a lab with address pools and {@code routes 'auto'} and
 * applies it; the kernel then answers a ping from every namespace to every address of every other,
 * IPv4 and IPv6, through the routes and forwarding the lab worked out. Each inside a sandbox.
 */
class GrownLabsKernelSpec extends Specification {
    File dir = File.createTempDir('nslab-grown', '')

    def cleanup() {
        dir.deleteDir()
    }

    /** Waits until no IPv6 address is tentative (a tentative one answers no neighbour solicitation), then pings each pair. */
    static final String PINGALL = '''
i=0
while [ $i -lt 200 ]; do
  t=$(for n in $(ip netns list | cut -d' ' -f1); do ip -n $n -6 addr show tentative; done)
  [ -z "$t" ] && break
  i=$((i+1)); sleep 0.05
done
echo "=== namespaces"; ip netns list | cut -d' ' -f1 | sort
echo "=== pings"
for a in $(ip netns list | cut -d' ' -f1); do
  for n in $(ip netns list | cut -d' ' -f1); do
    [ "$a" = "$n" ] && continue
    for t in $(ip -n $n -o addr show scope global | awk '{print $4}' | cut -d/ -f1); do
      ok=0
      for try in 1 2 3; do ip netns exec $a ping -c1 -W2 $t >/dev/null 2>&1 && { ok=1; break; }; done
      echo "$a $t $ok"
    done
  done
done
'''

    def "apply --topo #topo: every namespace pings every address of every other, IPv4 and IPv6"() {
        when:
        def r = TraceSandbox.run("""
cd ${dir.absolutePath}
echo "=== apply"; nslab apply --topo $topo
$PINGALL
nslab destroy ${file}.groovy >/dev/null
echo "=== left"; ip netns list
""", 300)
        def pings = r.section('pings').readLines()*.split(' ')

        then: 'the lab file is written, applied, and its expectation holds'
        new File(dir, "${file}.groovy").text.contains("routes 'auto'")
        r.err.contains("nslab: wrote ${file}.groovy")
        r.section('apply').contains("lab $file applied")
        r.out.contains('all 2 expectations hold\n=== exit 0')

        and: 'the namespaces the generator makes'
        r.section('namespaces').readLines().size() == namespaces

        and: 'a ping to every global address of every other namespace, both families, each answered'
        pings.size() == expectedPings
        pings.count { it[1].contains(':') } == pings.size() / 2
        pings.findAll { it[2] != '1' }.collect { "${it[0]} -> ${it[1]}" } == []

        and: 'destroy leaves nothing'
        r.section('left').trim().empty

        where:
        topo       | file       | namespaces | addresses
        'linear,4' | 'linear-4' | 4          | 2 * 6     // two ends of each of 3 cables, in each family
        'ring,5'   | 'ring-5'   | 5          | 2 * 10
        'star,4'   | 'star-4'   | 5          | 2 * 5     // 4 spokes and the hub's bridge on one LAN
        'tree,2,2' | 'tree-2-2' | 7          | 2 * 12
        'mesh,4'   | 'mesh-4'   | 4          | 2 * 12
        expectedPings = (namespaces - 1) * addresses
    }

    def "a generated lab edited by hand: a namespace added to it is routed too, and --topo never writes over the edit"() {
        given:
        new File(dir, 'linear-3.groovy').text = "linear 'r', 3\n"

        when:
        def r = TraceSandbox.run("""
cd ${dir.absolutePath}
nslab apply --topo linear,3 >/dev/null 2>&1
printf "namespace 'x'\\nlink 'r3', 'x'\\n" >> linear-3-2.groovy
echo "=== apply"; nslab apply linear-3-2.groovy
$PINGALL
nslab destroy linear-3-2.groovy >/dev/null
""", 300)
        def pings = r.section('pings').readLines()*.split(' ')

        then: 'the file there is kept; the lab went to the next name'
        new File(dir, 'linear-3.groovy').text == "linear 'r', 3\n"
        new File(dir, 'linear-3-2.groovy').text.contains("namespace 'x'")

        and: 'x, added by hand, is numbered and routed like the rest'
        r.out.contains('all 2 expectations hold\n=== exit 0')
        r.section('namespaces').readLines() == ['r1', 'r2', 'r3', 'x']
        pings.size() == 3 * 2 * 6
        pings.findAll { it[2] != '1' }.collect { "${it[0]} -> ${it[1]}" } == []
    }

    def "--topo with numbers a generator refuses writes nothing and applies nothing"() {
        when:
        def r = TraceSandbox.run("""
cd ${dir.absolutePath}
nslab apply --topo ring,2
nslab apply --topo tree,3
echo "=== namespaces"; ip netns list
""")

        then:
        r.err.contains('nslab: --topo ring,2: ring: the number of namespaces 2 is out of range; it may be 3 to 2000 (two namespaces make a line: linear)')
        r.err.contains('nslab: --topo tree,3 is no topology nslab knows (tree takes tree,DEPTH,FANOUT)')
        r.out.contains('=== exit 1')
        r.out.contains('=== exit 2')
        dir.list().length == 0
        r.section('namespaces').trim().empty
    }
}
