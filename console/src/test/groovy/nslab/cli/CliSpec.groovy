package nslab.cli

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** The plan, explain and graph commands as a user runs them, exit codes included. */
class CliSpec extends Specification implements InProcessCli {
    @TempDir Path dir

    static File examples() {
        def d = new File('examples')
        d.isDirectory() ? d : new File('../examples')
    }

    static List<String> exampleFiles() {
        examples().listFiles().findAll { it.name.endsWith('.groovy') }*.path.sort()
    }

    def "#command works on every example: #example"() {
        when:
        def r = run(command, example)

        then:
        r.exit == 0
        r.out.contains(expected)

        where:
        [command, example] << [['plan', 'explain', 'graph'], exampleFiles()].combinations()
        expected = [plan: '#!/bin/sh', explain: 'commands; [n] is', graph: '['][command]
    }

    def "graph --format #format"() {
        when:
        def r = run('graph', '--format', format, new File(examples(), 'bridge.groovy').path)

        then:
        r.exit == 0
        r.out.startsWith(start)

        where:
        format    | start
        'text'    | 'lab bridge'
        'dot'     | 'graph "bridge" {'
        'mermaid' | 'graph LR'
    }

    def "a bad script exits 1 with file:line: message and prints no plan"() {
        given:
        def lab = dir.resolve('bad.groovy').toFile()
        lab.text = "namespace 'a' {\n  veth 'x' peer 'b'\n  mtu 'big'\n}\nnamespace 'b'\n"

        when:
        def r = run(command, lab.path)

        then:
        r.exit == 1
        r.err.contains("${lab.path}:3: error: 'mtu' does not take ('big')")
        r.out.isEmpty()
        !r.err.contains('Exception')

        where:
        command << ['plan', 'explain', 'graph']
    }

    def "warnings go to stderr and the plan still prints"() {
        given:
        def lab = dir.resolve('warn.groovy').toFile()
        lab.text = "namespace 'a' { tap 't'\n ip '10.0.0.1' }\n"

        when:
        def r = run('plan', lab.path)

        then:
        r.exit == 0
        r.err.contains('warn.groovy:2: warning: 10.0.0.1 has no prefix length')
        r.out.contains('ip -n a addr add 10.0.0.1 dev t')
    }

    def "usage errors exit 2: #args"() {
        expect:
        run(args as String[]).exit == 2

        where:
        args << [['plan'], ['graph', '--format', 'gif', 'x.groovy'], ['frobnicate']]
    }

    def "a missing file exits 1 and says so"() {
        when:
        def r = run('plan', 'no/such/lab.groovy')

        then:
        r.exit == 1
        r.err.contains('no/such/lab.groovy: no such lab file')
    }

    def "--help and --version work everywhere"() {
        expect:
        run('--version').out.startsWith('nslab ')
        run('plan', '--help').out.contains('Usage: nslab plan')
        run('--help').out.contains('explain')
    }
}
