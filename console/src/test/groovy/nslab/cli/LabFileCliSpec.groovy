package nslab.cli

import spock.lang.Specification
import spock.lang.TempDir

/**
 * What is no lab, and a script that would not end, as `nslab plan` meets them: one clear line on
 * stderr, exit status 1, no stack trace; --script-timeout sets the time limit.
 */
class LabFileCliSpec extends Specification implements InProcessCli {
    @TempDir File dir

    def "plan of #what says '#message' on one line and exits 1"() {
        given:
        def file = new File(dir, name)
        make(file)

        when:
        def r = run('plan', file.path)

        then:
        r.exit == 1
        r.out.isEmpty()
        r.err.readLines() == ["${file.path}: error: ${message.replace('FILE', file.path)}".toString()]

        where:
        what            | name           | make                                                || message
        'an empty file' | 'empty.groovy' | { File f -> f.text = '' }                           || 'no lab in FILE: the file is empty'
        'a directory'   | 'labs'         | { File f -> f.mkdir() }                             || 'FILE is a directory, not a lab file'
        'a binary file' | 'bin.groovy'   | { File f -> f.bytes = [0xff, 0xfe, 0] as byte[] }   || 'FILE is not UTF-8 text: a lab script is a text file (line 1 holds a byte that is not UTF-8)'
    }

    def "--script-timeout stops an endless loop at its line"() {
        given:
        def file = new File(dir, 'loop.groovy')
        file.text = "namespace 'a'\nwhile (true) {\n}\n"

        when:
        def r = run('--script-timeout', '1', 'plan', file.path)

        then:
        r.exit == 1
        r.err.readLines().size() == 1
        r.err.startsWith("${file.path}:2: error: the script did not finish within 1 s")
    }

    def "--script-timeout takes a positive number of seconds"() {
        when:
        def r = run('--script-timeout', 'soon', 'plan', 'x.groovy')

        then:
        r.exit == 2
        r.err.contains("--script-timeout takes a number of seconds greater than 0, not 'soon'")
    }
}
