package nslab.cli

import groovy.json.JsonSlurper
import nslab.LabCompiler
import nslab.trace.Probe
import nslab.trace.Tracer
import spock.lang.Specification

/**
 * Random trees of routers with correct routes, then one random break (a route removed, forwarding
 * off, an interface left down, a drop rule, a mistyped gateway, a strict reverse-path filter),
 * all applied in one sandbox: for every pair tried, the live walk, the walk on the script alone and
 * a real ping say the same. The seed is printed; {@code -Dnslab.trace.seed=N} runs the same labs again.
 */
class TraceGeneratedLabsSpec extends Specification {
    static final int LABS = 50
    static final int PAIRS = 2

    /** One generated lab: its text, and the pairs (from, address) to try. */
    record Generated(int index, String text, String broken, List<List<String>> pairs) {
        String name() { "gen$index" }
    }

    static Generated generate(int i, Random random) {
        int size = 2 + random.nextInt(3)
        def parent = [-1] + (1..<size).collect { random.nextInt(it) }
        def name = { int j -> "g${i}r$j" }
        def neighbours = (0..<size).collect { x -> ((0..<size).findAll { it != x && (parent[it] == x || parent[x] == it) }) }
        // the first hop from x toward node y, along the tree
        def firstHop
        firstHop = { int x, int y ->
            def path = [y]
            while (path[0] != 0) path.add(0, parent[path[0]])
            if (path.contains(x)) return path[path.indexOf(x) + 1]
            return parent[x]
        }
        // the address of node n on the cable to node m
        def addressOn = { int n, int m -> parent[n] == m ? "10.$i.$n.2" : "10.$i.$m.1" }
        def lines = (0..<size).collect { [] }
        for (int j = 1; j < size; j++) {
            lines[j] << "veth 'up' peer '${name(parent[j])}', name: 'd$j'"
            lines[j] << "ip '10.$i.$j.2/24'"
            lines[parent[j]] << "dev 'd$j' { ip '10.$i.$j.1/24' }"
        }
        for (int x = 0; x < size; x++) {
            if (neighbours[x].size() > 1) lines[x] << 'forward true'
            if (neighbours[x].size() == 1) {
                lines[x] << "gateway '${addressOn(neighbours[x][0], x)}'"
                continue
            }
            for (int j = 1; j < size; j++) {
                if (j == x || parent[j] == x) continue
                // subnet j lies between j and its parent: reached through the first hop toward j (or toward its parent, from below)
                int toward = firstHop(x, j)
                lines[x] << "route '10.$i.$j.0/24' via '${addressOn(toward, x)}'"
            }
        }
        // one break
        String broken
        def routers = (0..<size).findAll { neighbours[it].size() > 1 }
        // a leaf under a router: the router routes nothing through the cable, so the lab may leave its end down
        def leaves = (1..<size).findAll { neighbours[it].size() == 1 && neighbours[parent[it]].size() > 1 }
        def routed = (0..<size).findAll { x -> lines[x].any { it.startsWith('route') || it.startsWith('gateway') } }
        switch (random.nextInt(6)) {
            case 0:
                int x = routed[random.nextInt(routed.size())]
                def routeLines = lines[x].findAll { it.startsWith('route') || it.startsWith('gateway') }
                def gone = routeLines[random.nextInt(routeLines.size())]
                lines[x].remove(gone)
                broken = "${name(x)} without `$gone`"
                break
            case 1:
                if (routers) {
                    int x = routers[random.nextInt(routers.size())]
                    lines[x].remove('forward true')
                    broken = "${name(x)} without forward true"
                    break
                }
            case 2:
                if (leaves) {
                    int j = leaves[random.nextInt(leaves.size())]
                    int p = parent[j]
                    lines[p] = lines[p].collect { it == "dev 'd$j' { ip '10.$i.$j.1/24' }" ? "dev 'd$j' { ip '10.$i.$j.1/24'; down }" : it }
                    broken = "d$j of ${name(p)} down"
                    break
                }
            case 3:
                if (routers) {
                    int x = routers[random.nextInt(routers.size())]
                    def ifaces = neighbours[x].collect { it == parent[x] ? 'up' : "d$it" }
                    def iface = ifaces[random.nextInt(ifaces.size())]
                    lines[x] << "drop in: '$iface'"
                    broken = "${name(x)} drops what comes in by $iface"
                    break
                }
            case 4:
                int x = routed[random.nextInt(routed.size())]
                def routeLines = lines[x].findAll { it.startsWith('route') || it.startsWith('gateway') }
                def wrong = routeLines[random.nextInt(routeLines.size())]
                lines[x] = lines[x].collect { it == wrong ? it.replaceFirst(/\.[12]'$/, ".3'") : it }
                broken = "${name(x)} with `$wrong` mistyped"
                break
            default:
                int x = random.nextInt(size)
                lines[x] << "sysctl 'net.ipv4.conf.all.rp_filter', 1"
                broken = "${name(x)} with a strict reverse-path filter"
        }
        def text = "lab 'gen$i'\n" + (0..<size).collect { x ->
            "namespace '${name(x)}' {\n" + lines[x].collect { "    $it\n" }.join('') + '}\n'
        }.join('')
        def pairs = (1..PAIRS).collect {
            int a = random.nextInt(size)
            int b = (a + 1 + random.nextInt(size - 1)) % size
            def addresses = neighbours[b].collect { addressOn(b, it) }
            [name(a), addresses[random.nextInt(addresses.size())]]
        }
        new Generated(i, text, broken, pairs)
    }

    def "random router trees with one break: the live walk, the script-only walk and ping agree on every pair"() {
        given:
        long seed = Long.getLong('nslab.trace.seed', new Random().nextLong())
        println "TraceGeneratedLabsSpec seed: $seed (-Dnslab.trace.seed=$seed runs the same labs)"
        def random = new Random(seed)
        def labs = (0..<LABS).collect { generate(it, random) }
        def compiled = labs.collect { new LabCompiler().compile("${it.name()}.groovy", it.text()) }
        def files = labs.collect { TraceSandbox.labFile(it.text(), it.name()) }
        def tries = []
        labs.eachWithIndex { lab, i -> lab.pairs().each { tries << [lab: i, from: it[0], address: it[1]] } }

        expect: 'every lab is valid'
        compiled.findAll { !it.ok() }.collect { "seed $seed: " + it.problems()*.format() }.isEmpty()

        when: 'all are applied in one sandbox, each pair pinged, then traced'
        def applies = files.collect { "apply --no-check ${it.path}" }.join(" ';;' ")
        def pings = tries.withIndex().collect { t, k ->
            "( ip netns exec ${t.from} ping -c1 -W2 ${t.address} >/dev/null 2>&1; echo \$? > /run/ping$k ) &"
        }.join('\n')
        def traces = tries.collect { "trace --json ${files[it.lab].path} ${it.from} ${it.address}" }.join(" ';;' ")
        def r = TraceSandbox.run("""
nslab $applies >/dev/null; echo "=== exit \$?"
$pings
wait
for k in \$(seq 0 ${tries.size() - 1}); do echo "=== ping \$k \$(cat /run/ping\$k)"; done
nslab $traces
""", 900)
        def lines = r.out.readLines()
        def kernel = lines.findAll { it.startsWith('=== ping ') }.collect { (it.split(' ')[3] as int) == 0 }
        def live = TraceKernelSpec.outputs(r.out.substring(r.out.indexOf('=== ping')).readLines()
                .findAll { !it.startsWith('=== ping') }.join('\n')).collect { new JsonSlurper().parseText(it.text) }
        def model = tries.collect { Tracer.onModel(compiled[it.lab].lab(), nslab.command.TraceText.WORDS).trace(it.from, it.address, Probe.icmp(false, null)) }
        def disagreements = tries.withIndex().findAll { t, k ->
            !(kernel[k] == live[k].reached && live[k].reached == model[k].reached() && live[k].confirmed == kernel[k])
        }.collect { t, k ->
            "seed $seed, ${labs[t.lab].name()} (${labs[t.lab].broken()}): ${t.from} -> ${t.address}: ping ${kernel[k] ? 'answered' : 'no answer'}," +
                    " live walk ${live[k].reached} (${live[k].verdict}), probe ${live[k].confirmed}, script walk ${model[k].reached()} (${model[k].verdict()})\n${labs[t.lab].text()}"
        }

        then:
        r.out.startsWith('=== exit 0')
        kernel.size() == tries.size()
        kernel.any { it } && kernel.any { !it }
        live.size() == tries.size()
        disagreements.isEmpty()
    }
}
