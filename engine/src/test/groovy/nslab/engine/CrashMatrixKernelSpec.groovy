package nslab.engine

import spock.lang.Specification

/**
 * kill -9 of apply or destroy at any point, then someone else making again each kind of object
 * the lab has (a namespace, a host veth with an address, a process in that namespace, its hosts
 * file, an iptables rule in the lab's chain), then destroy: the sandbox ends exactly as it was
 * (links, addresses, routes, /run/netns, /etc/netns, iptables, sysctls) once the outsider's
 * objects are taken away by hand, and every one of those was the very object the outsider made
 * when destroy ran. Both executors, in a sandbox of their own each.
 */
class CrashMatrixKernelSpec extends Specification {
    static final String LAB = '''lab 'cm'
host { veth 'cmh0' peer 'cm1', name: 'cm1h'; ip '10.81.0.1/24'; forward true; masquerade '10.82.0.0/16', out: 'cmh0' }
namespace 'cm1' { dev 'cm1h' { ip '10.81.0.2/24' }; veth 'cm12' peer 'cm2', name: 'cm21'; ip '10.82.0.1/24'; forward true; sysctl 'net.ipv4.ip_default_ttl', 33 }
namespace 'cm2' { dev 'cm21' { ip '10.82.0.2/24' }; gateway '10.82.0.1'; run 'exec sleep 7401' }
namespace 'cm3' { run 'exec sleep 7402' }
'''

    static final String STATE = '''
state() {
    ip -j link show | sed 's/"ifindex":[0-9]*,//'; ip -j addr show | sed 's/"ifindex":[0-9]*,//'; ip -j route show; ip -6 -j route show
    ls /run/netns 2>/dev/null; ls -R /etc/netns 2>/dev/null
    iptables-save | grep -v '^#' | sed 's/\\[[0-9]*:[0-9]*\\]//'
    cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/ip_default_ttl /proc/sys/net/ipv4/conf/all/forwarding
}
driver() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$NSLAB_TEST_CP" nslab.engine.EngineDriver "$@"; }
# someone else, after nslab died: each kind of object made again (or anew) under the lab's names
outsider() {
    sleep 0.05 # acts a moment later than the kill, as a person or another program would
    ip netns del cm3 2>/dev/null; ip netns add cm3
    ip link del cmh0 2>/dev/null; ip link add cmh0 type veth peer name cmo0; ip addr add 10.81.0.1/24 dev cmh0
    ip netns exec cm3 sleep 7499 >/dev/null 2>&1 &
    until pgrep -f 'sleep 7499' >/dev/null; do :; done # theirs is running before anyone looks
    mkdir -p /etc/netns/cm3; echo "10.9.9.9 theirs" > /etc/netns/cm3/hosts
    iptables -t nat -A POSTROUTING -s 10.83.0.0/16 -j MASQUERADE
}
theirs() {
    stat -L -c %i /run/netns/cm3; ip -o link show cmh0 | cut -d: -f1; ip -o addr show cmh0 | grep -c 10.81.0.1/24
    pgrep -f 'sleep 7499' | wc -l; cat /etc/netns/cm3/hosts; iptables -t nat -S POSTROUTING | grep -c 10.83.0.0
}
take_theirs_away() {
    pkill -f 'sleep 7499'; ip netns del cm3; ip link del cmh0; rm -rf /etc/netns/cm3
    iptables -t nat -D POSTROUTING -s 10.83.0.0/16 -j MASQUERADE
    while pgrep -f 'sleep 7499' >/dev/null; do :; done
}
'''

    def "kill -9 of #verb at '#point' (#executor), an outsider's objects in between: destroy leaves theirs and takes the rest"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'cm')

        when:
        def r = KernelSandbox.run(STATE + """
export NSLAB_EXECUTOR=$executor
iptables -t nat -A POSTROUTING -s 10.84.0.0/16 -j ACCEPT; iptables -t nat -D POSTROUTING -s 10.84.0.0/16 -j ACCEPT # the nat table is there before
mkdir -p /etc/netns
state > /run/before
${verb == 'destroy' ? "driver apply ${lab.absolutePath} >/dev/null 2>&1; echo applied \$?" : ''}
(exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver $verb ${verb == 'destroy' ? 'cm' : lab.absolutePath} >/dev/null 2>&1) &
pid=\$!
until { $condition; } >/dev/null 2>&1 || ! kill -0 \$pid 2>/dev/null; do :; done
kill -9 \$pid 2>/dev/null; wait \$pid 2>/dev/null
echo "=== caught"; [ -s /run/nslab/cm.journal ] && echo journal
outsider
echo "=== theirs"; theirs
echo "=== destroy"; driver destroy cm; echo "exit \$?"
echo "=== theirs after"; theirs
take_theirs_away
echo "=== diff"; state > /run/after; diff /run/before /run/after && echo same
echo "=== left"; ls /run/nslab | grep -v '[.]lock\$'; pgrep -f 'sleep 74' | wc -l
""", 300)

        then: 'the kill came while the journal was there (the point was reached)'
        r.section('caught').trim() == 'journal'

        and: 'destroy ended, and every outsider object is the very one the outsider made'
        r.section('destroy').contains('exit 0')
        r.section('theirs after') == r.section('theirs')
        r.section('theirs').readLines().drop(2)*.trim() == ['1', '1', '10.9.9.9 theirs', '1']

        and: 'without them the sandbox is exactly as before: nothing of the lab is left'
        r.section('diff').trim() == 'same'
        r.section('left').readLines()*.trim() == ['0']

        where:
        [verb, point, condition, executor] << points().collectMany { p -> ['ip', 'netlink'].collect { p + [it] } }
    }

    static List<List<String>> points() {
        [
                ['apply', 'the journal is written', '[ -s /run/nslab/cm.journal ]'],
                ['apply', 'the first namespace', '[ -e /run/netns/cm1 ]'],
                ['apply', 'the last namespace', '[ -e /run/netns/cm3 ]'],
                ['apply', 'the host veth', 'ip link show cmh0'],
                ['apply', 'the host address', 'ip addr show cmh0 | grep -q 10.81.0.1'],
                ['apply', "a namespace's address", 'ip -n cm2 addr show cm21 | grep -q 10.82.0.2'],
                ['apply', 'the default route', 'ip -n cm2 route show | grep -q default'],
                ['apply', 'host forwarding', 'grep -q 1 /proc/sys/net/ipv4/ip_forward'],
                ['apply', 'the NAT rule', 'iptables -t nat -S POSTROUTING | grep -q MASQUERADE'],
                ['apply', 'the first process', "pgrep -f 'sleep 7401'"],
                ['destroy', 'removal recorded', "grep -q '^X' /run/nslab/cm.journal"],
                ['destroy', 'the processes stopped', "! pgrep -f 'sleep 740'"],
                ['destroy', 'the first namespace gone', '[ $(ls /run/netns | wc -l) -lt 3 ]'],
                ['destroy', 'the NAT rule gone', '! iptables -t nat -S POSTROUTING | grep -q MASQUERADE'],
                ['destroy', 'host forwarding off', 'grep -q 0 /proc/sys/net/ipv4/ip_forward'],
        ]
    }
}
