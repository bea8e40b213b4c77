package nslab.imports

import spock.lang.Specification

import static nslab.LabFixtures.compile

/**
 * Each form of shell command that tutorials use, pasted after the same few lines that make two
 * namespaces joined by a veth, becomes one line of lab language (shown as the console adds it);
 * the lab written for the whole text compiles. Commands with no word in the language are
 * refused with their line number; commands that only look are skipped.
 */
class ShellImporterSpec extends Specification {
    static final String PRELUDE = '''\
ip netns add red
ip netns add blue
ip link add a type veth peer name b
ip link set a netns red
ip link set b netns blue
ip -n red addr add 10.0.0.1/24 dev a
ip -n blue addr add 10.0.0.2/24 dev b
ip -n red link set a up
ip -n blue link set b up
'''

    def "#command becomes #entry"() {
        given:
        def session = new ShellImporter.Session()
        PRELUDE.readLines().each { session.paste(it) }

        when:
        def step = session.paste(command)
        def whole = ShellImporter.importText(PRELUDE + command, null, 'forms')

        then: 'the command becomes that lab line'
        step.entries() == [entry]
        step.untranslated().isEmpty()

        and: 'the lab written for the whole text is valid'
        whole.complete()
        compile(whole.lab()).errors().isEmpty()

        where:
        command                                                                   || entry
        'ip netns add green'                                                      || "namespace 'green'"
        'sudo ip netns add green'                                                 || "namespace 'green'"
        '$ sudo ip netns add green'                                               || "namespace 'green'"
        '# ip netns add green'                                                    || "namespace 'green'"
        'learner@box:~$ sudo ip netns add green'                                  || "namespace 'green'"
        '[root@box ~]# ip netns add green'                                        || "namespace 'green'"
        '  2. $ ip netns add green'                                               || "namespace 'green'"
        '/sbin/ip netns add green'                                                || "namespace 'green'"
        'ip -n red addr add 10.9.9.1/24 dev a'                                    || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip -netns red address add 10.9.9.1/24 dev a'                             || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip a add 10.9.9.1/24 dev a'                            || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip a a 10.9.9.1/24 dev a'                              || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip addr add 10.9.9.1/24 a'                             || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip -4 addr add 10.9.9.1/24 brd + dev a'                || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip addr add 2001:db8::1/64 dev a'                      || "namespace 'red' { dev 'a' { ip '2001:db8::1/64' } }"
        'ip netns exec red ifconfig a 10.0.100.1'                                 || "namespace 'red' { dev 'a' { ip '10.0.100.1/8' } }"
        'ip netns exec red ifconfig a 172.16.5.1'                                 || "namespace 'red' { dev 'a' { ip '172.16.5.1/16' } }"
        'ip netns exec red ifconfig a 192.168.100.1 up'                           || "namespace 'red' { dev 'a' { ip '192.168.100.1/24' } }"
        'ip netns exec red ifconfig a 10.1.2.3 netmask 255.255.255.252'           || "namespace 'red' { dev 'a' { ip '10.1.2.3/30' } }"
        'ip netns exec red ifconfig a 10.1.2.3/28'                                || "namespace 'red' { dev 'a' { ip '10.1.2.3/28' } }"
        'ip netns exec red ifconfig a mtu 1400'                                   || "namespace 'red' { dev 'a' { mtu 1400 } }"
        'ip netns exec red ifconfig a down'                                       || "namespace 'red' { dev 'a' { down } }"
        'ip -n red link set a mtu 1400'                                           || "namespace 'red' { dev 'a' { mtu 1400 } }"
        'ip -n red link set dev a address 02:00:00:00:00:01'                      || "namespace 'red' { dev 'a' { mac '02:00:00:00:00:01' } }"
        'ip -n red l set dev a down'                                              || "namespace 'red' { dev 'a' { down } }"
        'ip -n red r add default via 10.0.0.254'                                  || "namespace 'red' { gateway '10.0.0.254' }"
        'ip -n red route add default via 10.0.0.254 dev a'                        || "namespace 'red' { route 'default' via '10.0.0.254' dev 'a' }"
        'ip netns exec red ip route add 10.2.0.0/16 via 10.0.0.254'               || "namespace 'red' { route '10.2.0.0/16' via '10.0.0.254' }"
        'ip netns exec red ip ro add 10.0.5.5 dev a'                              || "namespace 'red' { route '10.0.5.5' dev 'a' }"
        'ip netns exec red route add default gw 10.0.0.254'                       || "namespace 'red' { gateway '10.0.0.254' }"
        'ip netns exec red route add -net default gw 10.0.0.254 dev a'            || "namespace 'red' { route 'default' via '10.0.0.254' dev 'a' }"
        'ip netns exec red route add -net 10.2.0.0 netmask 255.255.0.0 gw 10.0.0.254' || "namespace 'red' { route '10.2.0.0/16' via '10.0.0.254' }"
        'ip netns exec red route add -net 10.2.0.0/16 gw 10.0.0.254 dev a'        || "namespace 'red' { route '10.2.0.0/16' via '10.0.0.254' dev 'a' }"
        'ip netns exec red route add -net 11.0.0.0 gw 10.0.0.254'                 || "namespace 'red' { route '11.0.0.0/8' via '10.0.0.254' }"
        'ip netns exec red route add -host 10.0.5.5 dev a'                        || "namespace 'red' { route '10.0.5.5' dev 'a' }"
        'ip netns exec red route add 10.0.5.5 a'                                  || "namespace 'red' { route '10.0.5.5' dev 'a' }"
        'ip netns exec red sysctl -w net.ipv4.ip_forward=1'                       || "namespace 'red' { forward true }"
        'ip netns exec red sysctl net.ipv4.ip_forward=1'                          || "namespace 'red' { forward true }"
        'ip netns exec red sysctl -w net/ipv4/conf/all/rp_filter=0'               || "namespace 'red' { sysctl 'net.ipv4.conf.all.rp_filter', 0 }"
        'echo 1 > /proc/sys/net/ipv4/ip_forward'                                  || 'host { forward true }'
        'sudo echo 1 >/proc/sys/net/ipv4/conf/all/accept_local'                   || "host { sysctl 'net.ipv4.conf.all.accept_local', 1 }"
        'echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward'                         || 'host { forward true }'
        'echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward > /dev/null'             || 'host { forward true }'
        "sudo sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'"                     || 'host { forward true }'
        "ip netns exec red bash -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'"      || "namespace 'red' { forward true }"
        'ip -n red link set a mtu 1400 2>/dev/null'                               || "namespace 'red' { dev 'a' { mtu 1400 } }"
        'ip -n red link set a mtu 1400 2>&1 | tee -a log.txt'                     || "namespace 'red' { dev 'a' { mtu 1400 } }"
        'ip netns exec red iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o a -j MASQUERADE' || "namespace 'red' { masquerade '10.0.0.0/24', out: 'a' }"
        'iptables -t nat -A POSTROUTING --source 10.0.0.0/24 --out-interface eth0 -j MASQUERADE' || "host { masquerade '10.0.0.0/24', out: 'eth0' }"
        'iptables -A FORWARD -i veth-a -o eth0 -j ACCEPT'                         || "host { accept in: 'veth-a', out: 'eth0' }"
        'iptables -A FORWARD -t filter --in-interface eth0 --out-interface veth-a -j ACCEPT' || "host { accept in: 'eth0', out: 'veth-a' }"
        'iptables -I FORWARD 1 -i eth1 -j DROP'                                   || "host { drop in: 'eth1' }"
        'iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.0.0.1:80' || "host { forwardPort 8080, to: '10.0.0.1:80', in: 'eth0' }"
        'iptables -t nat -A PREROUTING -p udp -m udp --dport 53 -j DNAT --to 10.0.0.1' || "host { forwardPort 53, to: '10.0.0.1:53', proto: 'udp' }"
        'ip netns exec red tc qdisc add dev a root netem delay 10ms loss 1%'      || "namespace 'red' { dev 'a' { netem delay: '10ms', loss: '1%' } }"
        'ip netns exec red tc qdisc add dev a root netem delay 100ms 10ms'        || "namespace 'red' { dev 'a' { netem delay: '100ms', jitter: '10ms' } }"
        'ip netns exec red tc qdisc add dev a root tbf rate 10mbit burst 32kbit latency 400ms' || "namespace 'red' { dev 'a' { rate '10mbit' } }"
        'ip netns exec red ping -c 3 10.0.0.2'                                    || "expect { reach 'red' to '10.0.0.2' }"
        'ip netns exec red ping 10.0.0.2 -I 10.0.0.1'                             || "expect { reach 'red' to '10.0.0.2' }"
        'ip netns exec red ping -I a 10.0.0.2'                                    || "expect { reach 'red' to '10.0.0.2', dev: 'a' }"
        'ip netns exec blue brctl addbr br0'                                      || "namespace 'blue' { bridge 'br0' }"
        'ip -n blue link add br0 type bridge'                                     || "namespace 'blue' { bridge 'br0' }"
        'ip -n blue link add name br0 type bridge'                                || "namespace 'blue' { bridge 'br0' }"
        'ip -n blue tuntap add dev tap0 mode tap'                                 || "namespace 'blue' { tap 'tap0' }"
        'ip netns exec red ip link set a up && ip netns exec red ip addr add 10.9.9.1/24 dev a' || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip link set a up; ip netns exec red ip addr add 10.9.9.1/24 dev a'   || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip addr add 10.9.9.1/24 \\\n    dev a'                 || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        'ip netns exec red ip addr add 10.9.9.1/24 dev a   # the second address'  || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
        "ip netns exec red ip addr add '10.9.9.1/24' dev \"a\""                   || "namespace 'red' { dev 'a' { ip '10.9.9.1/24' } }"
    }

    def "a veth or macvlan made by '#commands' is declared as #declaration"() {
        when:
        def r = ShellImporter.importText(commands, null, 'veths')

        then:
        r.complete()
        r.lab().contains(declaration)
        compile(r.lab()).errors().isEmpty()

        where:
        commands                                                                                   || declaration
        'ip link add veth-a type veth peer name veth-b'                                            || "host {\n    veth 'veth-a' peer 'veth-b'"
        'ip link add veth-a type veth peer veth-b'                                                 || "host {\n    veth 'veth-a' peer 'veth-b'"
        'ip link add type veth'                                                                    || "host {\n    veth 'veth0' peer 'veth1'"
        'ip link add type veth\nip link add type veth'                                             || "    veth 'veth2' peer 'veth3'"
        'ip netns add x\nip link add type veth\nip link set dev veth0 name a netns x'               || "namespace 'x' {\n    veth 'a' peer 'host', name: 'veth1'"
        'ip netns add x\nip netns add y\nip link add a netns x type veth peer name b netns y'       || "namespace 'x' {\n    veth 'a' peer 'y', name: 'b'"
        'ip netns add x\nip netns add y\nip link add a type veth peer name b\nip link set b netns y\nip link set a netns x' || "namespace 'x' {\n    veth 'a' peer 'y', name: 'b'"
        'ip netns add x\nip link add a type veth peer name b\nip link set b netns x\nip -n x link set b name c' || "host {\n    veth 'a' peer 'x', name: 'c'"
        'ip netns add x\nip link add mv0 link eth0 type macvlan mode bridge\nip link set mv0 netns x' || "namespace 'x' {\n    macvlan 'mv0' on 'eth0', from: 'host'"
        'ip netns add x\nip link add mv0 link eth0 netns x type macvlan mode private' || "namespace 'x' {\n    macvlan 'mv0', mode: 'private' on 'eth0', from: 'host'"
        'ip link add mv0 link eth0 type macvlan'                                                   || "host {\n    macvlan 'mv0', mode: 'vepa' on 'eth0'"
        'ip netns add x\nip -n x link add br0 type bridge\nip -n x link add mv0 link br0 type macvlan mode bridge' || "    macvlan 'mv0' on 'br0'\n"
    }

    def "'#command' is refused at line #line: #reason"() {
        given:
        def text = "ip netns add x\nip link add a type veth peer name b\n$command\nip netns add y"

        when:
        def r = ShellImporter.importText(text, null, 'refused')

        then: 'it is listed with its line, and the rest is still translated'
        !r.complete()
        r.untranslated().size() == 1
        r.untranslated()[0].line() == line
        r.untranslated()[0].reason().contains(reason)
        r.lab().contains("// line $line: ")
        r.lab().contains("namespace 'y'")

        where:
        command                                                 || line | reason
        'ip link set b netns 1234'                              || 3    | 'namespace of process 1234'
        'unshare --net ip link add br0 type bridge'             || 3    | 'tied to a process'
        'unshare --net=/run/netns/x bash'                       || 3    | 'tied to a process'
        'ip netns exec x curl www.baidu.com'                    || 3    | 'curl is no command'
        'cat 1 > /proc/sys/net/ipv4/ip_forward'                 || 3    | 'echo 1 > /proc/sys/net/ipv4/ip_forward'
        'iptables -A FORWARD -i a -o b'                         || 3    | 'only counts packets'
        'iptables -A INPUT -p tcp --dport 22 -j ACCEPT'         || 3    | 'no word in the lab language'
        'ip netns exec x ping www.example.com'                  || 3    | 'host name'
        'ip link add vx0 type vxlan id 42 dstport 4789'         || 3    | 'reads veth, bridge and macvlan'
        'ip netns exec x ip link add mv0 link eth0 type macvlan' || 3   | 'eth0 is no device these commands created in namespace x'
        'ip addr add 10.0.0.1/24 dev eth0'                      || 3    | 'eth0 is no device these commands created'
        'ip netns exec nowhere ip addr add 10.0.0.1/24 dev a'   || 3    | 'namespace nowhere was not created'
        'sysctl -w kernel.pid_max=100000'                       || 3    | 'not a network setting'
        'ip link add a type veth peer name c'                   || 3    | 'has a device called a already'
        'ip netns exec x bash'                                  || 3    | 'a shell of its own'
        'tc qdisc add dev a root handle 1: htb'                 || 3    | 'no word in the lab language'
        'ifconfig a 10.0.0.1 netmask 255.0.255.0'               || 3    | 'not a netmask'
        'echo hello > /etc/motd'                                || 3    | 'not a kernel setting'
        'sysctl -p /etc/sysctl.d/lab.conf'                      || 3    | 'file that is not in this text'
    }

    def "'#command' only looks, and is skipped with a comment"() {
        when:
        def r = ShellImporter.importText("ip netns add x\n$command", null, 'looks')

        then:
        r.complete()
        r.skipped()*.line() == [2]
        r.lab().contains('// line 2: ')

        where:
        command << ['ip link show', 'ip link', 'ip netns list', 'ip netns', 'ip a', 'ip addr show dev lo', 'ip r',
                    'ip -br -c a', 'ip netns exec x ip route', 'ifconfig', 'ifconfig -a', 'ifconfig eth0',
                    'netstat -rn', 'route -n', 'route', 'tcpdump -i veth-a -n', 'brctl show', 'iptables -L -n',
                    'iptables -t nat -nvL', 'sysctl net.ipv4.ip_forward', 'ip netns exec x ip link set lo up',
                    'tc qdisc show', 'bridge fdb show', 'modprobe veth', 'ip netns add x', 'ip netns listx',
                    'ip netns exec x']
    }

    def "the lab reads like a person wrote it: a block per namespace, the host's objects in host, the original command beside lines it does not show"() {
        given: 'seed 000 as a reader pastes it, with its prompts, sudo and a chained pair of commands'
        def text = '''\
$ sudo ip netns add nstest
$ sudo ip link add veth-a type veth peer name veth-b
$ sudo ip link set veth-b netns nstest
$ sudo ip addr add 10.0.0.2/24 dev veth-a && sudo ip link set veth-a up
$ sudo ip netns exec nstest ip addr add 10.0.0.3/24 dev veth-b && \\
    sudo ip netns exec nstest ip link set veth-b up
$ sudo ip netns exec nstest route add default gw 10.0.0.2
$ echo 1 > /proc/sys/net/ipv4/ip_forward
$ sudo iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE
$ sudo ip netns exec nstest ping -c 1 10.0.0.2
$ ip netns list
'''

        when:
        def r = ShellImporter.importText(text, 'nat.sh', 'nat')

        then:
        r.complete()
        r.lab() == '''\
// Imported by nslab import from nat.sh.
lab 'nat'

namespace 'nstest' {
    dev 'veth-b' { ip '10.0.0.3/24' }
    gateway '10.0.0.2'                          // route add default gw 10.0.0.2
}

host {
    veth 'veth-a' peer 'nstest', name: 'veth-b'
    ip '10.0.0.2/24'
    forward true                                // echo 1 > /proc/sys/net/ipv4/ip_forward
    masquerade '10.0.0.0/24', out: 'eth0'       // iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE
}

expect {
    reach 'nstest' to '10.0.0.2'                // ping -c 1 10.0.0.2
}

// Skipped:
// line 11: ip netns list — only shows something
'''
        compile(r.lab()).errors().isEmpty()
    }

    def "the before and after of docs/import.md are what import prints"() {
        given:
        def doc = new File('../docs/import.md').isFile() ? new File('../docs/import.md') : new File('docs/import.md')
        def blocks = doc.text.split('```')
        def before = blocks[3].replaceFirst(/^\n/, '')
        def after = blocks[5].replaceFirst(/^groovy\n/, '')

        expect:
        ShellImporter.importText(before, 'demo.sh', 'demo').lab() == after
    }

    def "a device no command brings up is written down, as the kernel leaves it"() {
        when:
        def r = ShellImporter.importText('ip netns add x\nip link add a type veth peer name b\nip link set b netns x\nip addr add 10.0.0.1/24 dev a', null, null)

        then:
        r.lab().contains("dev 'b' { down }")
        r.lab().contains("    ip '10.0.0.1/24'\n    down                                        // no command brings it up")
    }

    def "in the console a veth waits until its ends are placed or configured, then comes as one entry"() {
        given:
        def session = new ShellImporter.Session()

        expect:
        session.paste('ip netns add server').entries() == ["namespace 'server'"]
        session.paste('ip netns add gateway').entries() == ["namespace 'gateway'"]
        with(session.paste('ip link add svr-veth type veth peer name svrgw-veth')) {
            entries().isEmpty()
            waiting()
        }
        session.paste('ip link set svr-veth netns server').entries().isEmpty()
        session.paste('ip link set svrgw-veth netns gateway').entries() == ["namespace 'server' { veth 'svr-veth' peer 'gateway', name: 'svrgw-veth' }"]
        session.paste('ip netns exec server ifconfig svr-veth 192.168.100.1').entries() == ["namespace 'server' { dev 'svr-veth' { ip '192.168.100.1/24' } }"]
        session.paste('ip netns list').skipped().size() == 1
    }

    def "a line is taken for a shell command only when it is one: '#line'"() {
        expect:
        ShellImporter.looksLikeShell(line) == shell

        where:
        line                                   || shell
        'ip netns add x'                       || true
        'sudo ip link add a type veth peer name b' || true
        '$ ip netns add x'                     || true
        'echo 1 > /proc/sys/net/ipv4/ip_forward' || true
        'sysctl -w net.ipv4.ip_forward=1'      || true
        'route add default gw 10.0.0.1'        || true
        "ip '10.0.0.1/24'"                     || false
        'ip "10.0.0.$i/24"'                    || false
        "sysctl 'net.ipv4.ip_forward', 1"      || false
        'sudo -E ip netns add x'               || true
        "sudo sh -c 'echo 1 > /proc/sys/net/ipv4/ip_forward'" || true
        "bridge 'br0' { port 'a' }"            || false
        "namespace 'x'"                        || false
        'ip'                                   || false
        'ping server client'                   || false
    }

    def "printed as a web page prints it, '#printed' reads as '#typed'"() {
        when:
        def asPrinted = ShellImporter.importText(PRELUDE + printed, null, 'printed')
        def asTyped = ShellImporter.importText(PRELUDE + typed, null, 'printed')

        then: 'the same lab, and every line read'
        asPrinted.complete()
        asPrinted.lab() == asTyped.lab()
        asPrinted.skipped()*.reason() == asTyped.skipped()*.reason()

        where:
        printed                                                                   || typed
        'ip netns add greenip netns add white'                                    || 'ip netns add green\nip netns add white'
        'ip netns exec blue brctl addbr brip netns exec blue ip link set dev br up' || 'ip netns exec blue brctl addbr br\nip netns exec blue ip link set dev br up'
        'ip netns add green 。'                                                   || 'ip netns add green'
        'ip netns add green。'                                                    || 'ip netns add green'
        'ip\u00a0netns\u00a0add\u00a0green\u00a0'                                  || 'ip netns add green'
        'ip\u3000netns\u3000add\u3000green'                                       || 'ip netns add green'
        '\uff04 ip netns add green'                                               || 'ip netns add green'
        'ip netns exec red ip addr add 10.9.9.1\uff0f24 dev a\uff1b ip netns exec red ip link set a up' || 'ip netns exec red ip addr add 10.9.9.1/24 dev a\nip netns exec red ip link set a up'
        'root@host\uff1a~# ip netns add green'                                    || 'ip netns add green'
        'ip netns add green  # \u521b\u5efa\uff0c\u7136\u540e'                      || 'ip netns add green'
        'root@host:~# sudo ip netns add green'                                   || 'ip netns add green'
        '# ip netns add green   # the third one'                                  || 'ip netns add green'
        '  1. $ ip netns add green '                                              || 'ip netns add green'
    }

    def "a name that ends like a command is no command run into it: '#command'"() {
        when:
        def r = ShellImporter.importText("ip netns add nsip\n$command", null, 'names')

        then:
        r.complete()
        r.lab().contains(entry)

        where:
        command                                          || entry
        'ip -n nsip link add br0 type bridge'            || "namespace 'nsip' {\n    bridge 'br0'"
        'ip netns exec nsip ip link add br0 type bridge' || "namespace 'nsip' {\n    bridge 'br0'"
    }

    def "forms with a blank to fill in are skipped, not read: '#command'"() {
        when:
        def r = ShellImporter.importText("ip netns add x\n$command", null, 'blanks')

        then:
        r.complete()
        r.skipped()*.line() == [2]
        r.skipped()[0].reason().contains("blank to fill in ($blank)")

        where:
        command                                                || blank
        'ip netns add <network namespace name>'                || '<network namespace name>'
        'ip netns exec <network namespace name> <command>'     || '<network namespace name>'
        '`command`'                                            || '`command`'
    }

    def "a here-document's lines are its command's input, never commands"() {
        given:
        def text = '''\
ip netns add x
cat <<EOF > /etc/netns/x/resolv.conf
ip netns add y
nameserver 10.0.0.1
EOF
cat <<-'END' | tee /tmp/notes
\tip netns add z
\tEND
ip netns add w
'''
        when:
        def r = ShellImporter.importText(text, null, 'heredoc')

        then: 'the two commands that read them are refused, saying why; their bodies make no namespace'
        r.untranslated()*.line() == [2, 6]
        r.untranslated().every { it.reason().contains('here-document') }
        r.lab().contains("namespace 'x'") && r.lab().contains("namespace 'w'")
        !r.lab().contains("namespace 'y'") && !r.lab().contains("namespace 'z'")
    }
    def "a shell that unshare opens is a namespace of its own, known by its prompt"() {
        given: 'two windows, as seed 002 shows them: the host and the shell in the new namespace'
        def text = '''\
dev@box:~$ ip link add v0 type veth peer name v1
dev@box:~$ sudo unshare --uts --net bash
root@box:~# hostname inner
root@box:~# exec bash
dev@box:~$ sudo ip link set v1 netns 4242
dev@box:~$ sudo ip addr add 10.5.0.1/24 dev v0
root@inner:~# ip addr add 10.5.0.2/24 dev v1
dev@box:~$ sudo ip link set v0 up
root@inner:~# ip link set v1 up
'''
        when:
        def r = ShellImporter.importText(text, null, 'shells')

        then: 'what is typed in that shell builds the namespace; the process named stands for it, as said'
        r.complete()
        r.lab().contains("namespace 'unshared' {\n    dev 'v1' { ip '10.5.0.2/24' }")
        r.lab().contains("host {\n    veth 'v0' peer 'unshared', name: 'v1'\n    ip '10.5.0.1/24'")
        r.lab().contains("// Read as said here:\n// line 2: unshare --uts --net bash — opens a shell")
        r.lab().contains('// line 5: ip link set v1 netns 4242 — process 4242 taken for the shell unshare opened')
        compile(r.lab()).errors().isEmpty()
    }

    def "with bare prompts the shell unshare opens takes the lines until exit"() {
        when:
        def r = ShellImporter.importText('$ sudo unshare -n bash\n# ip link add br0 type bridge\n# exit\n$ ip link add br1 type bridge\n', null, 'bare')

        then:
        r.complete()
        r.lab().contains("namespace 'unshared' {\n    bridge 'br0'")
        r.lab().contains("host {\n    bridge 'br1'")
    }
}
