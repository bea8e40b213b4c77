package nslab.engine

import nslab.plan.Step
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** An apply on a live lab does the difference: what the journal has in effect versus the new plan. */
class PlanDiffSpec extends Specification {
    @TempDir Path dir

    List<Journal.Entry> applied(String text) {
        def j = Journal.open(dir, 'd' + System.nanoTime())
        def e = j.begin(Labs.plan(text).steps())
        j.mark(e, Journal.State.DONE)
        j.live()
    }

    static List<String> lines(List<Step> steps) { steps.collect { it.command().argv().join(' ') } }

    static final String BASE = '''lab 'd'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.1.0.1/24' }
namespace 'b' { dev 'b-a' { ip '10.1.0.2/24' } }
'''

    def "the same plan is no difference"() {
        expect:
        PlanDiff.of(applied(BASE), Labs.plan(BASE).steps()).empty()
    }

    def "a changed address is removed and added; nothing else moves"() {
        when:
        def d = PlanDiff.of(applied(BASE), Labs.plan(BASE.replace('10.1.0.2/24', '10.1.0.3/24')).steps())

        then:
        lines(d.remove()*.step) == ['ip -n b addr add 10.1.0.2/24 dev b-a']
        lines(d.add()) == ['ip -n b addr add 10.1.0.3/24 dev b-a']
        d.redo().isEmpty()
    }

    def "a changed address takes the routes of its namespace down and up again, as the kernel may have dropped them"() {
        given:
        String routed = BASE.replace("ip '10.1.0.2/24' } }", "ip '10.1.0.2/24' }; gateway '10.1.0.1' }")

        when:
        def d = PlanDiff.of(applied(routed), Labs.plan(routed.replace('10.1.0.2/24', '10.1.0.3/24')).steps())

        then:
        lines(d.remove()*.step) == ['ip -n b addr add 10.1.0.2/24 dev b-a', 'ip -n b route add default via 10.1.0.1']
        lines(d.add()) == ['ip -n b addr add 10.1.0.3/24 dev b-a', 'ip -n b route add default via 10.1.0.1']
    }

    def "a new namespace is added with its own steps only"() {
        when:
        def d = PlanDiff.of(applied(BASE), Labs.plan(BASE + "namespace 'c'\n").steps())

        then:
        d.remove().isEmpty()
        lines(d.add()) == ['ip netns add c', 'ip -n c link set dev lo up']
    }

    def "a re-created device takes what hangs on it along: its address and link state are redone"() {
        given: 'the veth gets another peer name, so the pair is made anew'
        def changed = BASE.replace("name: 'b-a'", "name: 'b-x'").replace("dev 'b-a'", "dev 'b-x'")

        when:
        def d = PlanDiff.of(applied(BASE), Labs.plan(changed).steps())

        then:
        lines(d.remove()*.step).containsAll(['ip link add name a-b netns a type veth peer name b-a netns b'])
        lines(d.redo()*.step).containsAll(['ip -n a addr add 10.1.0.1/24 dev a-b', 'ip -n a link set dev a-b up'])
        lines(d.add()).containsAll(['ip link add name a-b netns a type veth peer name b-x netns b',
                                    'ip -n a addr add 10.1.0.1/24 dev a-b', 'ip -n a link set dev a-b up'])
        !lines(d.add()).contains('ip netns add a')
    }

    def "a dropped namespace is removed, and a veth into it from a kept namespace is redone"() {
        given:
        def three = BASE + "namespace 'c' { veth 'c-a' peer 'a', name: 'a-c' }\n"
        def withoutC = BASE + "namespace 'a' { veth 'a-c2' peer 'b', name: 'c2' }\n"

        when:
        def d = PlanDiff.of(applied(three), Labs.plan(withoutC).steps())

        then:
        lines(d.remove()*.step).contains('ip netns add c')
        lines(d.remove()*.step).contains('ip link add name c-a netns c type veth peer name a-c netns a')
        !lines(d.add()).contains('ip netns add a')
    }
}
