package nslab.engine

import spock.lang.Specification

/**
 * destroy works from the journal: it removes what was built, not what the script says now, and
 * only that lab's things — another live lab keeps working.
 */
class DestroyKernelSpec extends Specification {

    def "destroy after the script was edited removes what was built, not what the script now says"() {
        given: 'a lab with host-side changes, then the same file rewritten to describe other things'
        def lab = KernelSandbox.labFile('''lab 'edited'
namespace 'p' { veth 'p-q' peer 'q', name: 'q-p'; ip '10.11.0.1/24' }
namespace 'q' { dev 'q-p' { ip '10.11.0.2/24' }; run 'sleep 6101' }
host { veth 'hp0' peer 'p', name: 'ph0'; ip '10.12.0.1/24'; forward true; masquerade '10.11.0.0/24', out: 'hp0' }
''', 'edited')
        def edited = '''lab 'edited'
namespace 'r' { veth 'r-s' peer 's', name: 's-r'; ip '10.13.0.1/24' }
namespace 's'
'''

        when:
        def r = KernelSandbox.run("""
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== built"; ip netns list | cut -d' ' -f1 | sort; ip -br link show hp0 | cut -d@ -f1; pgrep -f 'sleep 6101' >/dev/null && echo running
cat > ${lab.absolutePath} <<'LAB'
$edited
LAB
echo "=== destroy"; nslab destroy edited; echo "exit \$?"
echo "=== after"; ip netns list; pgrep -f 'sleep 6101' || echo stopped
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
echo "=== journal"; ls /run/nslab | grep -v '[.]lock'
rm -f /run/*.\$\$
""")

        then: 'the first form was built, with its background process'
        r.section('apply').endsWith('exit 0')
        r.section('built').readLines()*.trim() == ['p', 'q', 'hp0', 'running']

        and: 'destroy removed exactly that: p, q, the host veth, address, sysctl, NAT rule, the process'
        r.section('destroy').contains('namespaces=[p, q]')
        r.section('destroy').endsWith('exit 0')
        r.section('after').readLines()*.trim() == ['stopped']
        r.section('diff').trim() == 'same'
        r.section('journal').trim().isEmpty()
    }

    def "destroy after an apply killed halfway (kill -9) removes what it had built (#executor)"() {
        given: 'a lab big enough to be caught while it is being built, with a host-side part'
        def lab = KernelSandbox.labFile('''lab 'killed'
host { veth 'hk0' peer 'k1', name: 'kh0'; ip '10.31.0.1/24' }
(1..<150).each { i ->
    namespace("k$i") { veth "r$i" peer "k${i + 1}", name: "l$i"; ip "10.${30 + i.intdiv(200)}.${i % 200}.1/30" }
    namespace("k${i + 1}") { dev("l$i") { ip "10.${30 + i.intdiv(200)}.${i % 200}.2/30" } }
}
namespace 'k1' { dev('kh0') { ip '10.31.0.2/24' } }
''', 'killed')

        when: 'apply is killed as soon as its first namespace exists'
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
snapshot > /run/before.\$\$
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver apply ${lab.absolutePath} >/dev/null &
pid=\$!
while [ -z "\$(ls /run/netns 2>/dev/null)" ] && kill -0 \$pid 2>/dev/null; do :; done
kill -9 \$pid; wait \$pid
echo "=== killed"; echo "namespaces \$(ls /run/netns | wc -l)"; ls /run/nslab | grep -v '[.]lock'
echo "=== last address"; ip -n k150 -4 -o addr show 2>/dev/null | wc -l
echo "=== destroy"; nslab destroy killed; echo "exit \$?"   # at once: the ip batch the JVM had started may still run
sleep 1; echo "=== later"; ls /run/netns 2>/dev/null | wc -l
echo "=== after"; ls /run/netns 2>/dev/null | wc -l; ls /run/nslab | grep -v '[.]lock'
snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/before.\$\$ /run/after.\$\$
""")

        then: 'the kill came halfway: something was built, the journal was there, the last address never came'
        def killed = r.section('killed').readLines()
        (killed[0] - 'namespaces ').trim().toInteger() in 1..150 // ip's batch of namespaces outlives the JVM
        killed.contains('killed.journal')
        r.section('last address').trim() == '0'

        and: 'destroy, from the journal alone, took all of it away, having waited for what the apply had started'
        r.section('destroy').endsWith('exit 0')
        r.section('after').readLines()*.trim() == ['0', 'same']
        r.section('later').trim() == '0' // nothing was created after destroy returned

        where:
        executor << ExecutorChoice.Kind.values()*.name()
    }

    def "two labs live side by side; destroying one leaves the other working"() {
        given:
        def one = KernelSandbox.labFile('''lab 'one'
namespace 'o1' { veth 'o1-o2' peer 'o2', name: 'o2-o1'; ip '10.21.0.1/24'; run 'sleep 6102' }
namespace 'o2' { dev 'o2-o1' { ip '10.21.0.2/24' } }
expect { reach 'o1' to 'o2' }
''', 'one')
        def two = KernelSandbox.labFile('''lab 'two'
namespace 't1' { veth 't1-t2' peer 't2', name: 't2-t1'; ip '10.22.0.1/24'; run 'sleep 6103' }
namespace 't2' { dev 't2-t1' { ip '10.22.0.2/24' } }
expect { reach 't1' to 't2' }
''', 'two')

        when:
        def r = KernelSandbox.run("""
echo "=== apply"; nslab apply ${one.absolutePath}; echo "one \$?"; nslab apply ${two.absolutePath}; echo "two \$?"
echo "=== status"; nslab status --json
echo "=== destroy one"; nslab destroy one; echo "exit \$?"
echo "=== after"; ip netns list | cut -d' ' -f1 | sort
pgrep -f 'sleep 6102' >/dev/null && echo one-running || echo one-stopped
pgrep -f 'sleep 6103' >/dev/null && echo two-running || echo two-stopped
ip netns exec t1 ping -c1 -W1 10.22.0.2 >/dev/null && echo two-reachable
echo "=== check two"; nslab check ${two.absolutePath}; echo "exit \$?"
echo "=== destroy two"; nslab destroy two; echo "exit \$?"; ip netns list; pgrep -f 'sleep 6103' || echo two-stopped
""")

        then: 'both built'
        r.section('apply').contains('one 0')
        r.section('apply').contains('two 0')

        and: 'status knows both, read from the kernel'
        def status = new groovy.json.JsonSlurper().parseText(r.section('status').readLines().find { it.startsWith('[') })
        status*.lab == ['one', 'two']
        status[0].namespaces.keySet() as List == ['o1', 'o2']
        status[0].namespaces.o1.interfaces.find { it.name == 'o1-o2' }.addresses == ['10.21.0.1/24']
        status[1].namespaces.t2.interfaces.find { it.name == 't2-t1' }.addresses == ['10.22.0.2/24']
        status[0].processes.size() == 1
        status[0].host == [] // a veth made with both ends in namespaces leaves nothing in the root namespace

        and: 'destroying one took away only its namespaces and its process'
        r.section('destroy one').endsWith('exit 0')
        r.section('after').readLines()*.trim() == ['t1', 't2', 'one-stopped', 'two-running', 'two-reachable']
        r.section('check two').endsWith('exit 0')
        r.section('destroy two').readLines()*.trim().takeRight(2) == ['exit 0', 'two-stopped']
    }
}
