package nslab.engine

import nslab.model.Source
import nslab.plan.Command
import nslab.plan.Effect
import nslab.plan.Phase
import nslab.plan.Step
import nslab.plan.Tool
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The journal survives the process that wrote it: what it reads back is what was written. */
class JournalSpec extends Specification {
    @TempDir Path dir

    static Step step(Command c, Command undo, boolean bg = false, Effect effect = null) {
        if (effect == null && c.args().take(2) == ['netns', 'add']) effect = Effect.namespace(c.args()[2])
        new Step(Phase.DEVICES, c, undo, new Source('lab.groovy', 7), 'x', bg, effect)
    }

    def "steps, states, undos worked out from what was made, pids and notes round-trip through the file"() {
        given:
        def j = Journal.open(dir, 'lab one')
        def odd = step(Command.of('n1', Tool.RUN, ['echo "a\\b"\nnext']), null, true, Effect.process('n1'))
        def steps = [step(Command.ip(null, 'netns', 'add', 'a'), Command.ip(null, 'netns', 'del', 'a')),
                     step(Command.of('a', Tool.SYSCTL, ['-w', 'net.ipv4.ip_forward=1']), null, false, Effect.sysctl('a', 'net.ipv4.ip_forward')),
                     step(Command.ip('a', 'addr', 'add', '10.0.0.1/24', 'dev', 'x'), Command.ip('a', 'addr', 'del', '10.0.0.1/24', 'dev', 'x'),
                             false, Effect.address('a', 'x', '10.0.0.1/24')),
                     odd]

        when:
        def e = j.begin(steps)
        j.mark([e[0], e[1], e[3]], Journal.State.DONE)
        j.mark([e[2]], Journal.State.FAILED)
        j.setOldValue(e[1], '0')
        j.setPid(e[3], 99, 1234)
        j.note(new JournalNote.Table('nat'))
        def back = Journal.open(dir, 'lab one')

        then:
        back.entries()*.step*.command() == steps*.command()
        back.entries()*.step*.undo() == steps*.undo()
        back.entries()*.step*.background() == [false, false, false, true]
        back.entries()*.step*.source() == steps*.source()
        back.entries()*.state() == [Journal.State.DONE, Journal.State.DONE, Journal.State.FAILED, Journal.State.DONE]
        back.entries()[1].undo().command() == Command.of('a', Tool.SYSCTL, ['-w', 'net.ipv4.ip_forward=0'])
        back.entries()[3].pid() == 99
        back.entries()[3].pidStart() == 1234
        back.notes(JournalNote.Table) == [new JournalNote.Table('nat')]
        back.namespaces() == ['a']
        Journal.labs(dir) == ['lab one']
    }

    def "a step written as intent but never marked (a crash) still counts as live, so destroy undoes it"() {
        given:
        def j = Journal.open(dir, 'crash')
        j.begin([step(Command.ip(null, 'netns', 'add', 'a'), Command.ip(null, 'netns', 'del', 'a'))])

        expect:
        Journal.open(dir, 'crash').live().size() == 1
        Journal.open(dir, 'crash').namespaces() == ['a']
    }

    def "a removed step is no longer live, and delete removes the file"() {
        given:
        def j = Journal.open(dir, 'gone')
        def e = j.begin([step(Command.ip(null, 'netns', 'add', 'a'), Command.ip(null, 'netns', 'del', 'a'))])
        j.mark(e, Journal.State.REMOVED)

        expect:
        Journal.open(dir, 'gone').live().isEmpty()

        when:
        j.delete()

        then:
        !Journal.open(dir, 'gone').exists()
        Journal.labs(dir).isEmpty()
    }
}
