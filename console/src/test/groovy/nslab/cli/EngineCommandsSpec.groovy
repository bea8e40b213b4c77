package nslab.cli

import nslab.command.ExitCodes
import nslab.kernel.Sandbox
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification

/**
 * apply, check, status and destroy as a user runs them: through the ./nslab launcher and its
 * --sandbox, as root and as an unprivileged user (nobody) ({@link LauncherCopy}).
 */
class EngineCommandsSpec extends Specification {
    @Shared LauncherCopy launcher
    @Shared File copy

    def setupSpec() {
        launcher = new LauncherCopy()
        copy = launcher.dir
        new File(copy, 'lab.groovy').text = '''lab 'cli-lab'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.31.0.1/24' }
namespace 'b' { dev 'b-a' { ip '10.31.0.2/24' } }
expect { reach 'a' to 'b'; unreachable 'a' to '10.31.0.9' }
'''
        new File(copy, 'wrong.groovy').text = '''lab 'wrong-lab'
namespace 'w1' { veth 'w1-w2' peer 'w2', name: 'w2-w1'; ip '10.32.0.1/24' }
namespace 'w2' { dev 'w2-w1' { ip '10.32.0.2/24' } }
expect { unreachable 'w1' to 'w2' }
'''
        launcher.readableByAll()
    }

    def cleanupSpec() {
        launcher?.close()
    }

    Map nslab(String user, String... args) {
        launcher.nslab(user, args as List)
    }

    static boolean root() {
        'id -u'.execute().text.trim() == '0'
    }

    @Requires({ root() })
    def "as an unprivileged user, --sandbox apply builds the lab and its checks pass"() {
        when:
        def r = nslab('nobody', '--sandbox', 'apply', 'lab.groovy')

        then:
        r.exit == 0
        r.out.contains('lab cli-lab applied')
        r.out =~ /(?m)^a\s+b \(10\.31\.0\.2\)\s+reachable\s+reachable\s+ok$/
        r.out =~ /(?m)^a\s+10\.31\.0\.9\s+unreachable\s+unreachable\s+ok$/
    }

    @Requires({ root() })
    def "as an unprivileged user without --sandbox, #command says that --sandbox is the way"() {
        when:
        def r = nslab('nobody', command, 'lab.groovy')

        then:
        r.exit == ExitCodes.USAGE
        r.err.contains('needs root')
        r.err.contains('--sandbox')

        where:
        command << ['apply', 'destroy', 'check', 'status']
    }

    @Requires({ root() })
    def "the processes a lab's run lines started end with the sandbox of ./nslab --sandbox, as #user"() {
        given: 'two long sleeps no one else runs: one a run line starts itself, one left behind by a shell that exits at once'
        String seconds = "9${ProcessHandle.current().pid()}${user == 'root' ? 0 : 1}"
        String input = """namespace 'a' { run 'sleep ${seconds}1'; run 'sh -c "sleep ${seconds}2 & exit 0"' }
apply
exec a sh -c 'sleep 1; pgrep -a -x sleep'
exit
"""

        when:
        def r = launcher.nslab(user, ['--sandbox', 'console'], input)
        List<String> left = hostProcesses("sleep ${seconds}[12]")

        then: 'both ran in the sandbox'
        r.out =~ /(?m)\b\d+ sleep ${seconds}1$/
        r.out =~ /(?m)\b\d+ sleep ${seconds}2$/

        and: 'none is left on the machine'
        left == []

        cleanup:
        left?.each { ['kill', '-9', it.split(' ')[0]].execute().waitFor() }

        where:
        user << ['root', 'nobody']
    }

    @Requires({ root() })
    def "./nslab --sandbox apply: a run process ends with it, and exit statuses pass through the sandbox"() {
        given:
        String seconds = "9${ProcessHandle.current().pid()}2"
        new File(copy, 'run.groovy').text = "lab 'run-lab'\nnamespace 'a' { run 'sleep ${seconds}' }\n"
        launcher.readableByAll()

        when:
        def r = nslab('root', '--sandbox', 'apply', 'run.groovy')
        List<String> left = hostProcesses("sleep ${seconds}")

        then:
        r.exit == 0
        r.out.contains('lab run-lab applied')
        left == []

        and:
        nslab('root', '--sandbox', 'apply', 'missing.groovy').exit == 1
        nslab('root', '--sandbox', 'destroy', 'run-lab').exit == ExitCodes.USAGE
        nslab('root', '--sandbox', 'apply', 'wrong.groovy').exit == 4   // an expectation that does not hold

        cleanup:
        left?.each { ['kill', '-9', it.split(' ')[0]].execute().waitFor() }
    }

    /** Processes on this machine whose whole command line matches, as "PID COMMAND LINE". */
    static List<String> hostProcesses(String commandLine) {
        ['pgrep', '-a', '-f', '-x', commandLine].execute().text.readLines()
    }

    def "a whole session in one sandbox: apply, up to date, status, check, destroy by name after the script is gone"() {
        given:
        def script = """
cd ${copy.path}
cp lab.groovy gone.groovy
echo "=== apply"; sh ./nslab apply -v gone.groovy; echo "exit \$?"
echo "=== again"; sh ./nslab apply gone.groovy; echo "exit \$?"
echo "=== status"; sh ./nslab status; echo "exit \$?"
echo "=== json"; sh ./nslab status --json gone.groovy
echo "=== check"; sh ./nslab check gone.groovy; echo "exit \$?"
echo "=== wrong"; sh ./nslab apply wrong.groovy; echo "exit \$?"
rm gone.groovy
echo "=== destroy"; sh ./nslab destroy cli-lab; echo "exit \$?"
echo "=== destroy again"; sh ./nslab destroy cli-lab; echo "exit \$?"
echo "=== left"; ip netns list
"""
        def file = new File(copy, 'session.sh')
        file.text = script

        when:
        def r = LauncherCopy.run(['unshare', '--user', '--map-root-user', '--net', '--mount', '--propagation', 'private', 'sh', '-c',
                     Sandbox.PRIVATE + 'NSLAB_IN_SANDBOX=1 exec sh "$0"', file.path],
                [NSLAB_CLASSPATH: launcher.classpath()], copy)
        def s = sections(r.out)

        then: '-v prints each command as it runs'
        s.apply.contains('+ ip netns add a')
        s.apply.contains('+ ip -n b addr add 10.31.0.2/24 dev b-a')
        s.apply.endsWith('exit 0')

        and:
        s.again.startsWith('lab cli-lab is up to date: nothing changed')
        s.again.endsWith('exit 0')

        and: 'status reads the kernel'
        s.status.contains('lab cli-lab')
        s.status =~ /a-b\s+veth\s+UP\s+10\.31\.0\.1\/24/
        s.json.startsWith('{"format":"nslab.status/1","labs":[{"lab":"cli-lab"')

        and:
        s.check.endsWith('exit 0')

        and: 'an expectation that does not hold exits 4'
        s.wrong =~ /FAILED/
        s.wrong.endsWith('exit 4')

        and: 'destroy by name works with the script gone; a second destroy says it is not live'
        s.destroy.contains('lab cli-lab destroyed: 2 namespaces')
        s.destroy.endsWith('exit 0')
        s['destroy again'].endsWith('exit 2')
        r.err.contains('lab cli-lab is not live here')
        s.left.readLines()*.replaceAll(/ .*/, '').sort() == ['w1', 'w2']   // the other lab, untouched
    }

    static Map<String, String> sections(String out) {
        Map<String, String> m = [:]
        String name = null
        List<String> lines = []
        out.readLines().each { l ->
            if (l.startsWith('=== ')) {
                if (name) m[name] = lines.join('\n').trim()
                name = l.substring(4)
                lines = []
            } else {
                lines << l
            }
        }
        if (name) m[name] = lines.join('\n').trim()
        m
    }
}
