package nslab.engine

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The applier's decisions, observed through a fake executor: which processes it runs, in which
 * order, and what it leaves in the journal. (The kernel specs show the same against the kernel.)
 */
class ApplierSpec extends Specification {
    @TempDir Path dir
    FakeExecutor exec = new FakeExecutor()
    /** A stand-in for /run/netns, with the namespaces a fake apply made. */
    Path netns

    def setup() {
        netns = Files.createDirectories(dir.resolve('netns'))
        ['a', 'b', 'c'].each { Files.createFile(netns.resolve(it)) }
    }

    Applier applier() {
        new Applier(exec, dir.resolve('run'), null, netns)
    }

    Journal journal() {
        Journal.open(dir.resolve('run'), 'ap')
    }

    static final String LAB = '''lab 'ap'
host { veth 'h0' peer 'a', name: 'a0'; ip '10.0.0.1/24'; forward true }
namespace 'a' { dev 'a0' { ip '10.0.0.2/24' } }
namespace 'b'
'''

    def "a fresh lab: the namespaces' batch, one other root batch, one batch per namespace, then the sysctls; all journalled as done"() {
        when:
        def r = applier().apply(Labs.plan(LAB))

        then:
        r.status() == ApplyResult.Status.APPLIED
        exec.changes()*.argv as Set == [['ip', '-batch', '-'], ['ip', '-n', 'a', '-batch', '-'], ['ip', '-n', 'b', '-batch', '-'],
                                         ['sysctl', '-w', 'net.ipv4.ip_forward=1']] as Set
        exec.changes().size() == 5
        exec.changes()[0].argv == ['ip', '-batch', '-']
        exec.changes()[0].stdin == 'netns add a\nnetns add b\n'
        exec.changes()[1].stdin.startsWith('link add name h0 type veth peer name a0 netns a\n')
        journal().live().size() == Labs.plan(LAB).steps().size()
        journal().entries().every { it.state() == Journal.State.DONE }
        r.ran().size() == Labs.plan(LAB).steps().size()
    }

    def "the same lab again: up to date, and no process that changes anything"() {
        given:
        applier().apply(Labs.plan(LAB))
        exec.runs.clear()

        when:
        def r = applier().apply(Labs.plan(LAB))

        then:
        r.status() == ApplyResult.Status.UP_TO_DATE
        exec.runs.isEmpty()
    }

    def "something in the way: nothing that changes anything runs, and each thing is named"() {
        given:
        exec.namespaces = ['b', 'other']
        exec.hostLinks = ['lo', 'h0']

        when:
        def r = applier().apply(Labs.plan(LAB))

        then:
        r.status() == ApplyResult.Status.CONFLICT
        r.conflicts() == ["namespace 'b' already exists and is not part of lab 'ap'",
                          "interface 'h0' already exists in the root namespace and is not part of lab 'ap'"]
        exec.changes().isEmpty()
        !journal().exists()
    }

    def "a refusal in a namespace's batch rolls back in reverse what had been done, and leaves no journal"() {
        given:
        netns.toFile().listFiles()*.delete() // the kernel would have no namespace left after the rollback
        exec.refuse = 'addr add 10.0.0.2/24'
        exec.refusal = 'Error: ipv4: Address already assigned.'

        when:
        def r = applier().apply(Labs.plan(LAB))

        then:
        r.status() == ApplyResult.Status.FAILED
        r.failure().command() == 'ip -n a addr add 10.0.0.2/24 dev a0'
        r.failure().kernelSaid() == 'Error: ipv4: Address already assigned.'
        r.failure().source().line() == 3
        r.failure().restored()

        and: 'the undo is one tolerant batch deleting the namespaces, newest first (the host veth goes with a)'
        def undo = exec.changes().findAll { it.argv.contains('-force') }
        undo.size() == 1
        undo[0].stdin == 'netns del b\nnetns del a\n'

        and: 'the sysctl wave never ran'
        !exec.changes().any { it.argv[0] == 'sysctl' }
        !journal().exists()
    }

    def "a grown lab runs only its new steps and removes nothing"() {
        given:
        applier().apply(Labs.plan(LAB))
        exec.runs.clear()
        def grown = Labs.plan(LAB + "namespace 'c'\n")

        when:
        def r = applier().apply(grown)

        then:
        r.status() == ApplyResult.Status.APPLIED
        r.ran() == ['ip netns add c', 'ip -n c link set dev lo up']
        r.undone().isEmpty()
        journal().live().size() == grown.steps().size()
    }

    def "a namespace deleted by hand is built again, with everything in it, instead of 'up to date'"() {
        given:
        applier().apply(Labs.plan(LAB))
        exec.runs.clear()
        Files.delete(netns.resolve('b'))

        when:
        def r = applier().apply(Labs.plan(LAB))

        then:
        r.status() == ApplyResult.Status.APPLIED
        r.ran() == ['ip netns add b', 'ip -n b link set dev lo up']
        r.undone().isEmpty()
    }
}
