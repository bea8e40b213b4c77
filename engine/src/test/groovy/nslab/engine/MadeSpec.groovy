package nslab.engine

import nslab.LabCompiler
import nslab.model.Source
import nslab.plan.Command
import nslab.plan.Effect
import nslab.plan.Phase
import nslab.plan.Step
import nslab.plan.Tool
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * What a step made, typed, is what the journal keeps; the undo worked out from it is the
 * planner's own for every step of every example, survives the file unchanged, and a record that
 * nslab would not write is refused instead of given a meaning.
 */
class MadeSpec extends Specification {
    @TempDir Path dir

    static List<File> examples() {
        def d = new File('examples').isDirectory() ? new File('examples') : new File('../examples')
        d.listFiles().findAll { it.name.endsWith('.groovy') }.sort()
    }

    def "every step of #example: the undo worked out from what it made is the planner's, also read back from a journal"() {
        given:
        def c = new LabCompiler().compile(example.toPath())
        assert c.ok()
        def steps = c.plan().steps()

        when:
        def j = Journal.open(dir, 'ex')
        j.begin(steps)
        def back = Journal.open(dir, 'ex')

        then:
        steps.every { s -> s.effect().kind() == Effect.Kind.SYSCTL || Made.of(s).undo(null) == s.undoOperation() }
        back.entries()*.undo() == steps.collect { s -> s.effect().kind() == Effect.Kind.SYSCTL ? null : s.undoOperation() }
        back.entries()*.made() == steps.collect { Made.of(it) }
        back.entries()*.step*.command() == steps*.command()

        where:
        example << examples()
    }

    def "a per-device sysctl of a device with an odd name is nslab's own"() {
        expect:
        Made.check(new Made.Sysctl('a', 'net.ipv4.conf.a;b.forwarding', '1'))
    }

    def "a record nslab would not write is refused: #what"() {
        when:
        Made.check(made)

        then:
        thrown(IllegalArgumentException)

        where:
        what                                  | made
        'a name that reads as an option'      | new Made.Namespace('-all')
        'a name with a space'                 | new Made.Link(null, 'a b', 'veth')
        'a name with a path'                  | new Made.Namespace('../etc')
        'an address that is a word'           | new Made.Address('a', 'eth0', 'all')
        'a route that flushes'                | new Made.Route('a', ['flush'])
        'a rule that flushes'                 | new Made.Rule(null, 'filter', 'INPUT', ['-F', 'INPUT'])
        'a rule into a table nslab never uses'| new Made.Rule(null, 'security', 'INPUT', ['-j', 'ACCEPT'])
        'a sysctl key outside /proc/sys'      | new Made.Sysctl('a', 'net/../../etc/x', '1')
        'a sysctl value with a newline'       | new Made.Sysctl('a', 'net.ipv4.ip_forward', '1\nkernel.x=1')
    }

    def "a step whose command does not make what it says it made is refused: #what"() {
        when:
        Made.agrees(made, command, effect)

        then:
        thrown(IllegalArgumentException)

        where:
        what                                     | made                              | command                                              | effect
        'a namespace made by deleting one'       | new Made.Namespace('x')           | Command.ip(null, 'netns', 'del', 'victim')           | Effect.namespace('x')
        'a setting that deletes'                 | new Made.Setting(null)            | Command.ip(null, 'link', 'del', 'dev', 'eth0')       | Effect.other(null)
        'a rule that flushes'                    | new Made.Setting(null)            | Command.of(null, Tool.IPTABLES, ['-F', 'INPUT'])     | Effect.rule(null, 'filter')
        'a run command that is no process'       | new Made.Setting('a')             | Command.of('a', Tool.RUN, ['id > /tmp/x'])           | Effect.other('a')
    }
}
