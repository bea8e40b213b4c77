package nslab.lang

import java.time.Duration
import nslab.LabCompiler
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * What is no lab at all, and a script that would not end: one clear line each, with the file and,
 * where there is one, the line; never a stack trace, never a hang.
 */
class ScriptBoundsSpec extends Specification {

    @TempDir
    File dir

    def "#what is one error naming the file"() {
        given:
        def file = new File(dir, name)
        make(file)

        when:
        def c = new LabCompiler().compile(file.toPath())

        then:
        !c.ok()
        c.problems().size() == 1
        c.problems()[0].format() == "${file.path}: error: ${message.replace('FILE', file.path)}".toString()

        where:
        what                        | name          | make                                                         || message
        'an empty file'             | 'empty.groovy'| { File f -> f.text = '' }                                    || 'no lab in FILE: the file is empty'
        'a file of white space'     | 'blank.groovy'| { File f -> f.text = '  \n\n' }                              || 'no lab in FILE: the file is empty'
        'a file of comments only'   | 'notes.groovy'| { File f -> f.text = '// to do\n' }                          || 'no lab in FILE: it declares no namespace and no host block'
        'a directory'               | 'labs'        | { File f -> f.mkdir() }                                      || 'FILE is a directory, not a lab file'
        'a missing file'            | 'gone.groovy' | { File f -> }                                                || 'no such lab file FILE'
        'a binary file'             | 'bin.groovy'  | { File f -> f.bytes = [0x6e, 0x0a, 0xff, 0xfe, 0x00] as byte[] } || 'FILE is not UTF-8 text: a lab script is a text file (line 2 holds a byte that is not UTF-8)'
        'a file of 280 kB'          | 'big.groovy'  | { File f -> f.text = "namespace 'a'\n" * 20_000 }            || 'FILE is 280000 bytes; a lab script may have at most 262144 (a loop in the script writes large labs)'
    }

    @Timeout(20)
    def "an endless loop is stopped at the time limit, at its line"() {
        when:
        long start = System.nanoTime()
        def c = new LabCompiler(ScriptSettings.DEFAULTS.withTimeout(Duration.ofMillis(1500))).compile('loop.groovy', "namespace 'a'\nint i = 0\nwhile (true) {\n    i++\n}\n")
        long seconds = (System.nanoTime() - start) / 1_000_000_000

        then:
        !c.ok()
        c.errors().size() == 1
        c.errors()[0].message().startsWith('the script did not finish within 1.5 s and was stopped here')
        c.errors()[0].source().line() in [3, 4]
        seconds < 10
    }

    @Timeout(20)
    def "a script that finishes within its time leaves the thread uninterrupted"() {
        when:
        def c = new LabCompiler(ScriptSettings.DEFAULTS.withTimeout(Duration.ofMillis(200))).compile('quick.groovy', "namespace 'a'")
        Thread.sleep(400)

        then:
        c.ok()
        !Thread.currentThread().isInterrupted()
    }

    @Timeout(30)
    def "#what is stopped with one error at the line where it went too deep"() {
        when:
        def c = new LabCompiler().compile('deep.groovy', script)

        then:
        !c.ok()
        c.errors().size() == 1
        c.errors()[0].message().contains(message)
        c.errors()[0].source().line() == line

        where:
        what                                  | line || message                                           | script
        'dev blocks nested 800 deep'          | 101  || 'nested more than 100 deep'                        | "namespace 'a' { tap 't0'\n" + "dev 't0' {\n" * 800 + "}\n" * 800 + "}\n"
        'dev blocks nested 20 deep'           | 17   || 'blocks nested more than 16 deep'                  | "namespace 'a' { tap 't0'\n" + "dev 't0' {\n" * 20 + "}\n" * 20 + "}\n"
        'a method that calls itself forever'  | 1    || 'stack overflow'                                   | "def f(n) { f(n + 1) }\nnamespace 'a' { f(0) }\n"
    }

    def "the time limit is read from NSLAB_SCRIPT_TIMEOUT in seconds, and a bad value leaves the default"() {
        expect:
        ScriptLimits.parse(text) == expected

        where:
        text   || expected
        '5'    || Optional.of(Duration.ofSeconds(5))
        '2.5'  || Optional.of(Duration.ofMillis(2500))
        '0'    || Optional.empty()
        '-1'   || Optional.empty()
        'soon' || Optional.empty()
        null   || Optional.empty()
    }

}
