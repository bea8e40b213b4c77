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
        def f = script('ip netns add a\nunshare --net --fork ip link add br0 type bridge\nip netns exec a curl example.com\n')

        when:
        def r = run('import', f.path)

        then:
        r.exit == 1
        r.err.readLines() == ["${f.path}:2: not translated: unshare --net --fork ip link add br0 type bridge — unshare makes namespaces tied to a process; nslab's are named (ip netns add)".toString(),
                              "${f.path}:3: not translated: curl example.com — curl is no command nslab import knows".toString()]
        r.out.contains("namespace 'a'")
        r.out.contains('// line 2: unshare --net --fork ip link add br0 type bridge')
        !r.err.contains('Exception')
    }

    def "every command read, but the lab is not valid: its problems and their fixes as plan prints them, exit 1"() {
        given: "seed 000's default route through a gateway that no address's subnet holds"
        def f = script('sudo ip netns add nstest\nsudo ip link add veth-a type veth peer name veth-b\n'
                + 'sudo ip link set veth-b netns nstest\nsudo ip addr add 10.0.0.2 dev veth-a && sudo ip link set veth-a up\n'
                + 'sudo ip netns exec nstest ip addr add 10.0.0.3 dev veth-b && sudo ip netns exec nstest ip link set veth-b up\n'
                + 'sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b\n')
        def lab = dir.resolve('lab.groovy')

        when:
        def r = run('import', f.path, '-o', lab.toString())
        def plan = run('plan', lab.toString())

        then: 'no command was left out, yet the exit is 1: the lab would be refused'
        r.exit == 1
        !r.err.contains('not translated')
        r.err.contains("$lab:6: error: gateway 10.0.0.2 is on no subnet of nstest on veth-b")
        r.err.contains("route '10.0.0.2' dev 'veth-b'")
        r.err.readLines().last() == "$lab: the lab is written, but it is not valid: 1 error; apply refuses it until it is fixed as said above".toString()

        and: 'what plan says of the written lab, import said first'
        plan.exit != 0
        plan.err.readLines().every { r.err.contains(it) }
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
