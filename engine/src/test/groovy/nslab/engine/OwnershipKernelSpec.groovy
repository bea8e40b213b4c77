package nslab.engine

import spock.lang.Specification

/**
 * apply and destroy own exactly what the lab built: one of them at a time per lab, objects known
 * by identity rather than name, one script per lab name, host settings given back exactly, and an
 * end state that destroy checks instead of assuming. Each case is tried against the kernel in a
 * sandbox of its own.
 */
class OwnershipKernelSpec extends Specification {

    static String bigLab(String name, int n, String prefix) {
        def sb = new StringBuilder("lab '$name'\n")
        sb << "host { veth '${prefix}h0' peer '${prefix}1', name: '${prefix}g0'; ip '10.60.0.1/24'; masquerade '10.61.0.0/16', out: '${prefix}h0' }\n"
        sb << "namespace '${prefix}1' { dev '${prefix}g0' { ip '10.60.0.2/24' }; run 'sleep 6601' }\n"
        (1..<n).each { i ->
            sb << "namespace '${prefix}$i' { veth 'r$i' peer '${prefix}${i + 1}', name: 'l$i'; ip '10.61.${i % 250}.1/30' }\n"
            sb << "namespace '${prefix}${i + 1}' { dev 'l$i' { ip '10.61.${i % 250}.2/30' } }\n"
        }
        sb.toString()
    }

    def "two applies of one lab at the same moment: one builds, the other waits (or is told who is busy); destroy restores the sandbox exactly"() {
        given:
        def lab = KernelSandbox.labFile(bigLab('lk', 50, 'k'), 'lk')

        when:
        def r = KernelSandbox.run("""
snapshot > /run/before.\$\$
nslab apply ${lab.absolutePath} > /run/a1.\$\$ 2>&1 & p1=\$!
nslab apply ${lab.absolutePath} > /run/a2.\$\$ 2>&1 & p2=\$!
wait \$p1; e1=\$?; wait \$p2; e2=\$?
echo "=== applies"; echo "\$e1 \$e2"; cat /run/a1.\$\$ /run/a2.\$\$ | grep -E '^(STATUS|REFUSED)' | sort
echo "=== status"; nslab status | grep -c '^  namespace'
echo "=== destroy"; nslab destroy lk; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
pgrep -f 'sleep 6601' || echo stopped; ls /run/nslab | grep journal || echo no-journal
rm -f /run/*.\$\$
""")

        then: 'one built the lab; the other found it up to date after waiting for the lock'
        r.section('applies').readLines()[0] == '0 0'
        r.section('applies').readLines().drop(1) == ['STATUS APPLIED', 'STATUS UP_TO_DATE']
        r.section('status').trim() == '50'

        and: 'destroy took all of it away: the machine is as before'
        r.section('destroy').endsWith('exit 0')
        r.section('diff').readLines() == ['same', 'stopped', 'no-journal']
    }

    def "an apply while another nslab holds the lab, told not to wait, stops naming that process and changes nothing"() {
        given:
        def lab = KernelSandbox.labFile("lab 'busy'\nnamespace 'b1'\n", 'busy')

        when:
        def r = KernelSandbox.run("""
nslab hold busy 30 > /run/hold.\$\$ & holder=\$!
while ! grep -q HOLDING /run/hold.\$\$ 2>/dev/null; do sleep 0.1; done
echo "=== second"; NSLAB_LOCK_WAIT=0 nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== holder"; cut -d' ' -f1 /run/nslab/busy.lock
echo "=== after"; ip netns list | wc -l
kill \$holder; rm -f /run/hold.\$\$
""")

        then:
        def holder = r.section('holder').trim()
        r.section('second').contains("REFUSED lab busy is being applied by process $holder; nothing was changed")
        r.section('second').endsWith('exit 3')
        r.section('after').trim() == '0'
    }

    def "a PID reused by another process after the lab's run process died: destroy leaves the new owner alive"() {
        given:
        def lab = KernelSandbox.labFile('''lab 'reuse'
namespace 'r1' { run 'exec sleep 6701' }
''', 'reuse')

        when:
        def r = KernelSandbox.runWithPids("""
nslab apply ${lab.absolutePath} >/dev/null; echo "apply \$?"
pid=\$(pgrep -f 'sleep 6701')
kill \$pid; sleep 0.3
echo \$((pid - 1)) > /proc/sys/kernel/ns_last_pid
sleep 6702 >/dev/null 2>&1 & victim=\$!
echo "=== reuse"; [ "\$victim" = "\$pid" ] && echo reused
echo "=== destroy"; nslab destroy reuse; echo "exit \$?"
echo "=== victim"; kill -0 \$victim 2>/dev/null && echo alive; kill \$victim
""")

        then: 'the victim really has the PID the journal recorded'
        r.section('reuse').trim() == 'reused'

        and: 'destroy knew it was not the lab process (start time) and left it'
        r.section('destroy').contains('exit 0')
        r.section('destroy').contains("NOTE process ")
        r.section('victim').trim() == 'alive'
    }

    def "a namespace and a host bridge deleted by hand and made again by someone else: #flow leaves them alone and says so"() {
        given:
        def lab = KernelSandbox.labFile("""lab 'outs'
namespace 'o1' { veth 'o1-o2' peer 'o2', name: 'o2-o1'; ip '10.41.0.1/24' }
namespace 'o2' { dev 'o2-o1' { ip '10.41.0.2/24' } }
host { bridge 'obr0' }
""", 'outs')

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null; echo "apply \$?"
ip netns del o1; ip link del obr0
ip netns add o1; ip netns exec o1 sleep 6801 >/dev/null 2>&1 & outsider=\$!
ip link add obr0 type bridge
sleep 0.2
${reapply ? "echo '=== reapply'; nslab apply ${lab.absolutePath}; echo \"exit \$?\"" : ''}
echo "=== destroy"; nslab destroy outs; echo "exit \$?"
echo "=== after"; ip netns list | cut -d' ' -f1; pgrep -f 'sleep 6801' >/dev/null && echo outsider-running
ip link show obr0 >/dev/null 2>&1 && echo bridge-kept
kill \$outsider
""")

        then: 'destroy removed only what is still the lab own'
        r.section('destroy').endsWith('exit 0')
        r.section('after').readLines()*.trim() == ['o1', 'outsider-running', 'bridge-kept']

        and: 'apply does not take the outsiders for its own (no "up to date"): they are in the way'
        !reapply || r.section('reapply').contains("CONFLICT namespace 'o1' already exists and is not part of lab 'outs'")
        !reapply || r.section('reapply').contains("CONFLICT interface 'obr0' already exists in the root namespace")
        !reapply || r.section('reapply').endsWith('exit 3')

        and: 'destroy (or the apply before it) named them'
        reapply || r.section('destroy').contains("NOTE namespace o1 is no longer the lab's")
        reapply || r.section('destroy').contains("NOTE interface obr0 in the root namespace is no longer the lab's")

        where:
        flow                  | reapply
        'destroy'             | false
        'apply, then destroy' | true
    }

    def "two files with one lab name (lab.groovy in two folders): the second is refused with both paths, the first stays"() {
        given:
        def first = KernelSandbox.labFile("namespace 'f1' { veth 'f1-f2' peer 'f2', name: 'f2-f1'; ip '10.42.0.1/24' }\nnamespace 'f2'\n", 'lab')
        def second = KernelSandbox.labFile("namespace 's1'\n", 'lab')

        when:
        def r = KernelSandbox.run("""
nslab apply ${first.absolutePath} >/dev/null; echo "apply \$?"
echo "=== second"; nslab apply ${second.absolutePath}; echo "exit \$?"
echo "=== live"; ip netns list | cut -d' ' -f1 | sort
echo "=== destroy"; nslab destroy lab; echo "exit \$?"; ip netns list
""")

        then:
        def refused = r.section('second')
        refused.contains(first.canonicalPath)
        refused.contains(second.canonicalPath)
        refused.contains("lab 'other'")
        refused.endsWith('exit 3')
        r.section('live').readLines() == ['f1', 'f2']
        r.section('destroy').trim().endsWith('exit 0')
    }

    def "two labs that both turn host forwarding on, destroyed #order: forwarding stays on while one lives, then is off again, and an interface's own value is back"() {
        given:
        def a = KernelSandbox.labFile("lab 'fa'\nnamespace 'fa1'\nhost { forward true }\n", 'fa')
        def b = KernelSandbox.labFile("lab 'fb'\nnamespace 'fb1'\nhost { forward true }\n", 'fb')

        when:
        def r = KernelSandbox.run("""
ip link add hx0 type veth peer name hx1
sysctl -qw net.ipv4.conf.hx0.forwarding=1
echo "=== before"; cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/hx0/forwarding /proc/sys/net/ipv4/conf/hx1/forwarding
nslab apply ${a.absolutePath} >/dev/null; nslab apply ${b.absolutePath} >/dev/null
echo "=== both"; cat /proc/sys/net/ipv4/ip_forward
nslab destroy ${order[0]} >/dev/null; echo "=== one left"; cat /proc/sys/net/ipv4/ip_forward
nslab destroy ${order[1]} >/dev/null; echo "=== none"; cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/hx0/forwarding /proc/sys/net/ipv4/conf/hx1/forwarding
""")

        then:
        r.section('before').readLines() == ['0', '1', '0']
        r.section('both').trim() == '1'
        r.section('one left').trim() == '1'
        r.section('none').readLines() == ['0', '1', '0']

        where:
        order << [['fa', 'fb'], ['fb', 'fa']]
    }

    def "a host setting changed by someone else after apply is left as it is, and destroy says so"() {
        given:
        def lab = KernelSandbox.labFile("lab 'ttl'\nnamespace 't1'\nhost { sysctl 'net.ipv4.ip_default_ttl', 99 }\n", 'ttl')

        when:
        def r = KernelSandbox.run("""
echo "=== before"; cat /proc/sys/net/ipv4/ip_default_ttl
nslab apply ${lab.absolutePath} >/dev/null
sysctl -qw net.ipv4.ip_default_ttl=77
echo "=== destroy"; nslab destroy ttl; echo "exit \$?"
echo "=== after"; cat /proc/sys/net/ipv4/ip_default_ttl
""")

        then:
        r.section('before').trim() == '64'
        r.section('destroy').contains('NOTE host sysctl net.ipv4.ip_default_ttl is 77 now, not the 99 a lab set')
        r.section('after').trim() == '77'
    }

    def "a lab namespace held open elsewhere: destroy removes the host end of its veth that stayed, and re-apply works"() {
        given:
        def lab = KernelSandbox.labFile('''lab 'held'
namespace 'h1' { dev 'h1v' { ip '10.51.0.2/24' } }
host { veth 'hv0' peer 'h1', name: 'h1v'; ip '10.51.0.1/24' }
''', 'held')

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null; echo "apply \$?"
sleep 6901 3</run/netns/h1 >/dev/null 2>&1 & holder=\$!
echo "=== destroy"; nslab destroy held; echo "exit \$?"
echo "=== after"; ip link show hv0 >/dev/null 2>&1 && echo hv0-still-there || echo hv0-gone
echo "=== reapply"; nslab apply ${lab.absolutePath} >/dev/null; echo "exit \$?"; nslab destroy held >/dev/null; echo "exit \$?"
kill \$holder
""")

        then:
        r.section('destroy').endsWith('exit 0')
        r.section('after').trim() == 'hv0-gone'
        r.section('reapply').readLines()*.trim() == ['exit 0', 'exit 0']
    }

    def "a #signal at #moment of a 200-namespace apply (#executor) rolls back what was done, then exits #status"() {
        given:
        def lab = KernelSandbox.labFile(bigLab('sig', 200, 's'), 'sig')

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
snapshot > /run/before.\$\$
env --default-signal=INT,TERM java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver apply ${lab.absolutePath} > /run/out.\$\$ 2>&1 &
pid=\$!
$wait
kill -$signal \$pid; wait \$pid; e=\$?; echo "=== exit"; echo \$e
echo "=== report"; grep -E '^(STATUS|FAILURE)|undone' /run/out.\$\$
echo "=== after"; ls /run/netns 2>/dev/null | wc -l; ls /run/nslab | grep journal || echo no-journal
snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/*.\$\$
""", 400)

        then: 'stopped, rolled back, reported'
        r.section('exit').trim() == status
        r.section('report').contains('STATUS FAILED')
        r.section('report').contains("command=null said=interrupted by SIG$signal hint=null restored=true")
        r.section('after').readLines()*.trim() == ['0', 'no-journal', 'same']

        where:
        // On netlink the address wave ends before a shell loop sees its first address: that moment
        // is caught on the ip executor, whose wave is one process per namespace, early in the wave
        // (by the time the last namespace's address shows, the apply may have finished).
        signal | moment                                 | executor  | wait                                                                  || status
        'INT'  | 'the first namespace'                  | 'netlink' | 'while [ -z "$(ls /run/netns 2>/dev/null)" ]; do :; done'          || '130'
        'TERM' | 'the first namespace'                  | 'netlink' | 'while [ -z "$(ls /run/netns 2>/dev/null)" ]; do :; done'          || '143'
        'INT'  | 'the last namespace'                   | 'netlink' | 'while [ ! -e /run/netns/s200 ]; do :; done'                       || '130'
        'TERM' | 'an early address of the address wave' | 'ip'      | 'until ip -n s3 addr show l2 2>/dev/null | grep -q 10.61; do :; done' || '143'
    }
}
