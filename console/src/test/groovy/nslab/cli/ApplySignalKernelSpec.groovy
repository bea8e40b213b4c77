package nslab.cli

import nslab.kernel.Sandbox
import spock.lang.Specification

/**
 * A signal after apply has built the lab, while it checks the expectations: nslab ends with 143
 * and says that the lab was built and stays live, rather than leaving the reader to believe the
 * documented "everything undone".
 */
class ApplySignalKernelSpec extends Specification {
    def "SIGTERM while apply checks the expectations: exit 143, the lab stays live, and nslab says so"() {
        given:
        def lab = TraceSandbox.labFile('''lab 'sigcheck'
namespace 'a' { veth 'a-b' peer 'b', name: 'b-a'; ip '10.33.0.1/24' }
namespace 'b' { dev 'b-a' { ip '10.33.0.2/24' } }
expect { reach 'a' to 'b'; unreachable 'a' to '10.33.0.7'; unreachable 'a' to '10.33.0.8'; unreachable 'a' to '10.33.0.9' }
''', 'sigcheck')

        when:
        def r = Sandbox.run("""
env --default-signal=TERM java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.cli.Main apply ${lab.absolutePath} > /run/out 2> /run/err &
pid=\$!
until grep -q 'applied' /run/out 2>/dev/null; do :; done
kill -TERM \$pid; wait \$pid; e=\$?
echo "=== exit"; echo \$e
echo "=== err"; cat /run/err
echo "=== live"; ip netns list | cut -d' ' -f1 | sort
""", 180, [NSLAB_TEST_CP: System.getProperty('java.class.path'), NSLAB_IN_SANDBOX: '1', NSLAB_RUN_DIR: null, NSLAB_CACHE_DIR: 'off'])

        then:
        r.section('exit').trim() == '143'
        r.section('err').contains("nslab apply: stopped while checking the expectations; lab sigcheck was built and stays live (nothing was undone): 'nslab destroy sigcheck' removes it")
        r.section('live').readLines() == ['a', 'b']
    }
}
