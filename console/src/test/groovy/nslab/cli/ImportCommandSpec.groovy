package nslab.cli

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/** nslab import as a user runs it: the lab on stdout or in -o's file, what was left out on stderr, the exit status. */
class ImportCommandSpec extends Specification implements InProcessCli {
    @TempDir Path dir

    File script(String text) {
        def f = dir.resolve('tutorial.sh').toFile()
        f.text = text
        f
    }

    def "every building command translated: the lab on stdout, named after the file, exit 0"() {
        given:
        def f = script('$ sudo ip netns add a\n$ sudo ip netns add b\n$ sudo ip link add x type veth peer name y\n'
                + '$ sudo ip link set x netns a && sudo ip link set y netns b\n$ ip netns list\n')

        when:
        def r = run('import', f.path)

        then:
        r.exit == 0
        r.err.isEmpty()
        r.out.contains("lab 'tutorial'")
        r.out.contains("namespace 'a' {\n    veth 'x' peer 'b', name: 'y'")
        r.out.contains('// line 5: ip netns list — only shows something')
    }

    def "untranslated commands: listed on stderr with file and line, kept as comments, exit 1, the lab still printed"() {
        given:
        def f = script('ip netns add a\nunshare --net --fork bash\nip netns exec a curl example.com\n')

        when:
        def r = run('import', f.path)

        then:
        r.exit == 1
        r.err.readLines() == ["${f.path}:2: not translated: unshare --net --fork bash — unshare makes namespaces tied to a process; nslab's are named (ip netns add)".toString(),
                              "${f.path}:3: not translated: curl example.com — curl is no command nslab import knows".toString()]
        r.out.contains("namespace 'a'")
        r.out.contains('// line 2: unshare --net --fork bash')
        !r.err.contains('Exception')
    }

    def "-o writes the lab to a file named as the lab; - reads the commands from standard input"() {
        given:
        def lab = dir.resolve('routed.groovy')
        def stdin = System.in
        System.in = new ByteArrayInputStream('ip netns add a\n'.bytes)

        when:
        def r = run('import', '-', '-o', lab.toString())

        then:
        r.exit == 0
        r.out.trim() == "wrote $lab"
        lab.toFile().text.contains("lab 'routed'\n\nnamespace 'a'\n")

        cleanup:
        System.in = stdin
    }

    def "a missing input file is a usage error"() {
        when:
        def r = run('import', dir.resolve('nope.sh').toString())

        then:
        r.exit == 2
        r.err.contains('nope.sh: no such file')
        r.out.isEmpty()
    }
}
