package nslab.report

import groovy.json.JsonSlurper
import nslab.cli.InProcessCli
import nslab.command.ExitCodes
import spock.lang.Specification

/**
 * With --json, a command that stops before it has a result prints no document: standard output is
 * empty, the message is on standard error, the exit status is the one without --json. These run
 * outside a sandbox, so only verbs that change nothing, and each stops before asking the kernel.
 */
class JsonStopsSpec extends Specification implements InProcessCli {
    File dir = new File('target/json-stops').tap { mkdirs() }
    File good = new File(dir, 'good.groovy').tap { text = "lab 'good'\nnamespace 'jstop-a' { veth 'jstop-a0' peer 'jstop-b'; ip '10.0.0.1/24' }\nnamespace 'jstop-b'\n" }
    File bad = new File(dir, 'bad.groovy').tap { text = "lab 'bad'\nnamespace 'a' { ip '10.0.0.300/24' }\n" }

    def cleanup() {
        dir.deleteDir()
    }

    def "#args: exit #exit, nothing on stdout, #says on stderr"() {
        when:
        def r = run(*args.collect { it.replace('GOOD', good.path).replace('BAD', bad.path) })

        then:
        r.exit == exit
        r.out == ''
        r.err.contains(says)

        where:
        args                                                    || exit                    | says
        ['plan', '--json', 'BAD']                               || ExitCodes.INVALID_LAB   | 'bad.groovy:2: error:'
        ['check', '--json', 'BAD']                              || ExitCodes.INVALID_LAB   | 'bad.groovy:2: error:'
        ['plan', '--json', '--no-such-option', 'GOOD']          || ExitCodes.USAGE         | "Unknown option: '--no-such-option'"
        ['trace', '--json', 'GOOD', 'jstop-a', 'nowhere']             || ExitCodes.USAGE         | "'nowhere' is neither an address nor a namespace"
        ['check', '--json', '--junit', 'target/no/such/r.xml', 'GOOD'] || ExitCodes.USAGE | 'cannot write the JUnit report to target/no/such/r.xml: no folder'
        ['check', '--junit', 'target', 'GOOD']                  || ExitCodes.USAGE         | 'cannot write the JUnit report to target: it is a folder'
    }

    def "plan's document is alone on stdout, on one line"() {
        when:
        def r = run('-v', 'plan', '--json', good.path)

        then:
        r.exit == 0
        r.out.readLines().size() == 1
        new JsonSlurper().parseText(r.out).steps*.argv.first() == ['ip', 'netns', 'add', 'jstop-a']
    }
}
