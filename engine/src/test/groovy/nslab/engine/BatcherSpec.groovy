package nslab.engine

import nslab.plan.Command
import nslab.plan.Operation
import nslab.plan.Tool
import spock.lang.Specification

/** A lab costs a handful of processes per namespace, not one per command, in an order the kernel takes. */
class BatcherSpec extends Specification {

    def "a chain of #n namespaces is #processes processes for #steps commands"() {
        given:
        def plan = Labs.plan(Labs.chain(n))

        when:
        def waves = new Batcher().waves(plan.steps())

        then:
        plan.steps().size() == steps
        waves*.size().sum() == processes
        waves[0].size() == 1 && waves[0][0].batch().namespace() == null   // the namespaces, journalled with their identities first
        waves[1].size() == 1 && waves[1][0].batch().namespace() == null   // the root namespace's other ip steps
        waves[2]*.batch()*.namespace() as Set == (1..n).collect { "n$it".toString() } as Set

        where:
        n   | steps | processes
        2   | 11    | 4
        50  | 443   | 52
        500 | 4493  | 502
    }

    def "the root namespace goes first, each namespace's ip steps in one batch, then sysctl/iptables/tc (in plan order), then run"() {
        given:
        def plan = Labs.plan('''lab 'mix'
host { veth 'h0' peer 'a', name: 'a0'; ip '10.0.0.1/24'; forward true; masquerade '10.0.0.0/24', out: 'h0' }
namespace 'a' { dev 'a0' { ip '10.0.0.2/24'; rate '10mbit' }; gateway '10.0.0.1'; forward true; run 'sleep 1' }
''')

        when:
        def waves = new Batcher().waves(plan.steps())
        def shape = waves.collect { w -> w.collect { u -> u.isRun() ? 'run' : "${u.batch().tool()}@${u.batch().namespace() ?: 'host'}" } }

        then:
        shape == [['IP@host'], ['IP@host'], ['IP@a'], ['SYSCTL@host', 'SYSCTL@a', 'IPTABLES@host', 'TC@a'], ['run']]

        and: 'within a batch the plan order holds'
        def hostIp = (waves[0][0].batch().operations() + waves[1][0].batch().operations())*.args()
        hostIp.findIndexOf { it[0..1] == ['netns', 'add'] } < hostIp.findIndexOf { it[0..1] == ['link', 'add'] }
        hostIp.findIndexOf { it[0..1] == ['link', 'add'] } < hostIp.findIndexOf { it[0..1] == ['addr', 'add'] }
    }

    def "undo operations are batched when consecutive in tool and namespace, and iptables rules go one by one"() {
        given:
        def undo = [new Operation.IptablesRule(null, false, 'filter', 'FORWARD', ['-j', 'ACCEPT']),
                    new Operation.IptablesRule(null, false, 'filter', 'FORWARD', ['-j', 'DROP']),
                    new Operation.SetSysctl(null, 'a', '0'),
                    new Operation.DeleteNamespace('a'), new Operation.DeleteNamespace('b'),
                    new Operation.DeleteAddress('c', 'x', '1.2.3.4/24')]

        when:
        def batches = new Batcher().undoBatches(undo)

        then:
        batches*.operations()*.size() == [1, 1, 1, 2, 1]
        batches.findAll { it.tool() == Tool.IP }*.argv().every { it.contains('-force') }
    }
}
