package nslab.engine

import nslab.model.Source
import nslab.plan.Command
import nslab.plan.Effect
import nslab.plan.Phase
import nslab.plan.Step
import nslab.plan.Tool
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * A journal must survive what happens to files: any character in a command, a torn last record,
 * garbage, a file emptied or replaced by a link. What cannot be read is said, with file and line,
 * and never taken for "nothing to do".
 */
class JournalDamageSpec extends Specification {
    @TempDir Path dir

    static Step ns(String name) {
        new Step(Phase.NAMESPACES, Command.ip(null, 'netns', 'add', name), Command.ip(null, 'netns', 'del', name),
                new Source('lab.groovy', 1), '', false, Effect.namespace(name))
    }

    static Step run(String text) {
        new Step(Phase.RUN, Command.of('a', Tool.RUN, [text]), null, new Source('lab.groovy', 2), '', true, Effect.process('a'))
    }

    Path journalFile(String lab) { Journal.fileOf(dir, lab) }

    def "a command holding #what reads back exactly as written"() {
        given:
        def j = Journal.open(dir, 'odd')
        j.begin([ns('a'), run(text)])

        when:
        def back = Journal.open(dir, 'odd')

        then:
        back.entries()[1].step.command().args() == [text]
        back.namespaces() == ['a']
        back.warnings().isEmpty()

        where:
        what                       || text
        'a carriage return'        || 'echo a\rb'
        'tabs and newlines'        || 'printf "a\tb\n"'
        'backslashes'              || 'echo \\x41 \\\\ \\t'
        'every control character'  || (0..31).collect { (char) it }.join('') + '\u007f'
        'text beyond ASCII'        || 'echo 你好 ∀'
    }

    def "a torn last record (a crash mid-write) is skipped with a warning; what came before stands"() {
        given:
        def j = Journal.open(dir, 'torn')
        def e = j.begin([ns('a'), ns('b')])
        j.mark(e, Journal.State.DONE)
        journalFile('torn').toFile() << 'D\t1\tdeadbe'   // no newline, no valid checksum

        when:
        def back = Journal.open(dir, 'torn')

        then:
        back.namespaces() == ['a', 'b']
        back.warnings().size() == 1
        back.warnings()[0].contains('torn.journal:7: an unfinished last record')
    }

    def "#damage before the end stops the reading, naming the file and line; --force reads around it"() {
        given:
        def j = Journal.open(dir, 'bad')
        def e = j.begin([ns('a')])
        j.mark(e, Journal.State.DONE)
        j.begin([ns('b')])
        def lines = journalFile('bad').toFile().readLines()   // header, S a, D a, S b
        lines.add(2, line)
        journalFile('bad').toFile().text = lines.join('\n') + '\n'

        when:
        Journal.open(dir, 'bad')

        then:
        def x = thrown(EngineException)
        x.message.contains('bad.journal:3: a record nslab cannot read')
        x.message.contains("'nslab destroy --force bad'")

        when:
        def forced = Journal.open(dir, 'bad', true)

        then:
        forced.namespaces() == ['a', 'b']
        forced.warnings().any { it.contains('bad.journal:3:') }

        where:
        damage                          || line
        'a garbage line'                || 'garbage'
        'a record with a wrong checksum'|| 'D\t1\t00000000'
        'a record of an unknown step'   || JournalLines.line('D', '99').trim()
        'an unknown record'             || JournalLines.line('Z', '1').trim()
    }

    def "an empty or header-only journal is never taken for a destroyed lab"() {
        given:
        Files.createDirectories(dir)
        journalFile('empty').toFile().text = text

        when:
        new Destroyer(new FakeExecutor(), dir, null, dir.resolve('netns')).destroy('empty')

        then:
        def x = thrown(EngineException)
        x.message.contains('records no step')
        Files.exists(journalFile('empty'))

        when: 'forced, the journal goes'
        def r = new Destroyer(new FakeExecutor(), dir, null, dir.resolve('netns')).destroy('empty', true)

        then:
        r.ok()
        !Files.exists(journalFile('empty'))

        where:
        text << ['', JournalLines.line(Journal.MAGIC, '3', 'empty', '-')]
    }

    def "a journal of the older format 1 is refused clearly; --force still finds its namespaces, as names only"() {
        given:
        Files.createDirectories(dir)
        journalFile('old').toFile().text = 'nslab-journal 1 old\n' +
                'S\t1\tNAMESPACES\t0\tlab.groovy\t1\t-\tIP\t3\tnetns\tadd\ta\t-\tIP\t3\tnetns\tdel\ta\n' +
                'D\t1\n'

        when:
        Journal.open(dir, 'old')

        then:
        def x = thrown(EngineException)
        x.message.contains('format 1')
        x.message.contains('never runs a journal')
        x.message.contains("'nslab destroy --force old'")
        Journal.labs(dir) == ['old']
        Journal.open(dir, 'old', true).namespaces() == ['a']
    }

    def "a journal that is a symbolic link is neither read nor written through"() {
        given:
        def target = dir.resolve('elsewhere')
        target.toFile().text = 'precious\n'
        Files.createSymbolicLink(journalFile('linked'), target)

        when:
        Journal.open(dir, 'linked')

        then:
        def x = thrown(EngineException)
        x.message.contains('symbolic link')
        target.toFile().text == 'precious\n'
    }

    def "the header is checked: another lab's journal under a colliding file name is refused"() {
        given:
        Journal.open(dir, 'a b').begin([ns('a')])   // file a_b.journal

        when:
        Journal.open(dir, 'a_b')

        then:
        def x = thrown(EngineException)
        x.message.contains("journal of lab 'a b', not of 'a_b'")
    }

    def "journal files are 0600 in a 0700 directory"() {
        given:
        def runDir = dir.resolve('run')
        Journal.open(runDir, 'perm').begin([ns('a')])

        expect:
        PosixFilePermissions.toString(Files.getPosixFilePermissions(runDir)) == 'rwx------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(Journal.fileOf(runDir, 'perm'))) == 'rw-------'
    }

    def "destroying lab x removes its run logs by exact name, not lab x.y's"() {
        given:
        def exec = new FakeExecutor()
        def netns = Files.createDirectories(dir.resolve('netns'))
        ['x', 'x.y'].each { lab ->
            def j = Journal.open(dir, lab)
            def e = j.begin([run('sleep 1')])
            j.mark(e, Journal.State.DONE)
            Files.createFile(WaveRunner.logOf(dir, lab, e[0].id))
        }

        when:
        new Destroyer(exec, dir, null, netns).destroy('x')

        then:
        !Files.exists(dir.resolve('x.1.log'))
        Files.exists(dir.resolve('x.y.1.log'))
        Journal.labs(dir) == ['x.y']
    }

    def "a journal whose header is damaged is listed by status, by its file name, with the reason"() {
        given:
        Journal.open(dir, 'fine').begin([ns('a')])
        journalFile('broken').toFile().text = 'nslab-journal\t3\tbroken\t-\tdeadbeef\n' + JournalLines.line('A', '1', '2')

        when:
        def labs = new Status(new FakeExecutor(namespaces: ['a']), dir).labs(null)

        then:
        labs*.lab == ['broken', 'fine']
        labs[0].error.contains('broken.journal:1: not an nslab journal')
        labs[1].error == null
    }
}
