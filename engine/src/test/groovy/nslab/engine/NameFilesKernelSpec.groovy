package nslab.engine

import spock.lang.Specification

/**
 * The lab's names resolve inside its namespaces: apply writes /etc/netns/NS/hosts (the sandbox has
 * an /etc/netns of its own), plain `ip netns exec` and the lab's own run commands resolve them, and
 * destroy removes only what it wrote.
 */
class NameFilesKernelSpec extends Specification {
    static final String LAB = '''lab 'names'
namespace 'client' { veth 'c0' peer 'router', name: 'rc'; ip '10.61.1.2/24'; gateway '10.61.1.1'; run 'getent hosts server > /run/names-run.out' }
namespace 'server' { veth 's0' peer 'router', name: 'rs'; ip '10.61.2.2/24'; gateway '10.61.2.1' }
namespace 'router' { forward true; dev 'rc' { ip '10.61.1.1/24' }; dev 'rs' { ip '10.61.2.1/24' } }
'''

    def "ping server inside client, by name, with plain ip netns exec; destroy removes the files and the directories it made"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'names')

        when:
        def r = KernelSandbox.run("""
mkdir -p /etc/netns/server && echo '10.99.0.1 theirs' > /etc/netns/server/other   # a directory someone else made
echo "=== apply"; nslab apply ${lab.absolutePath} >/dev/null; echo "exit \$?"
echo "=== ping"; ip netns exec client ping -c1 -W2 server | grep -o '1 received'
echo "=== router seen from server"; ip netns exec server getent hosts router
echo "=== router seen from client"; ip netns exec client getent hosts router
echo "=== run"; sleep 0.5; cat /run/names-run.out; rm -f /run/names-run.out
echo "=== destroy"; nslab destroy names >/dev/null; echo "exit \$?"
echo "=== left"; ls /etc/netns; ls /etc/netns/server
""")

        then:
        r.section('apply') == 'exit 0'
        r.section('ping') == '1 received'

        and: 'a router is known by its address on the side of who asks'
        r.section('router seen from server') ==~ /10\.61\.2\.1\s+router/
        r.section('router seen from client') ==~ /10\.61\.1\.1\s+router/
        r.section('run') ==~ /10\.61\.2\.2\s+server/

        and: 'the directories nslab made are gone; the one someone else made stays, with its file'
        r.section('destroy') == 'exit 0'
        r.section('left').readLines() == ['server', 'other']
    }

    def "a hosts file someone else wrote is left alone, and the apply says so"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'names')

        when:
        def r = KernelSandbox.run("""
mkdir -p /etc/netns/server && echo '10.99.0.1 theirs' > /etc/netns/server/hosts
echo "=== apply"; NSLAB_TEST_VERBOSE=1 nslab apply ${lab.absolutePath} | grep '# name files'
echo "=== destroy"; nslab destroy names | grep NOTE; echo "exit \$?"
echo "=== left"; cat /etc/netns/server/hosts; ls /etc/netns
""")

        then:
        r.section('apply').contains('/etc/netns/server/hosts is not nslab\'s (someone else wrote it): left alone')
        r.section('left').readLines() == ['10.99.0.1 theirs', 'server']
    }

    def "a namespace dropped from the script takes its name file along; the others learn it is gone"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'names')
        def smaller = LAB.readLines().findAll { !it.contains("'client'") }.join('\n').replace("dev 'rc' { ip '10.61.1.1/24' }; ", '')

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null
echo "=== before"; echo \$(ls /etc/netns)
cat > ${lab.absolutePath} <<'LAB'
$smaller
LAB
echo "=== apply"; nslab apply ${lab.absolutePath} >/dev/null; echo "exit \$?"
echo "=== after"; echo \$(ls /etc/netns)
echo "=== server knows"; grep -c client /etc/netns/server/hosts
nslab destroy names >/dev/null
""")

        then:
        r.section('before').trim() == 'client router server'
        r.section('apply') == 'exit 0'
        r.section('after').trim() == 'router server'
        r.section('server knows') == '0'
    }
}
