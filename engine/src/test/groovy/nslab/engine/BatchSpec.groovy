package nslab.engine

import nslab.plan.Command
import nslab.plan.Operation
import nslab.plan.Tool
import spock.lang.Specification
import nslab.exec.ExecResult

/** One process per batch, and a failed batch still says which of its commands failed. */
class BatchSpec extends Specification {

    static Command ip(String ns, String... args) { Command.ip(ns, args) }

    static List<Operation> verbatim(List<Command> commands) { commands.collect { new Operation.Verbatim(it) } }

    def "#tool commands in #ns run as #argv"() {
        expect:
        new Batch(tool, ns, verbatim(commands), tolerant).argv() == argv

        where:
        tool           | ns   | tolerant | commands                                                                                    | argv
        Tool.IP        | null | false    | [ip(null, 'netns', 'add', 'a')]                                                              | ['ip', '-batch', '-']
        Tool.IP        | 'a'  | false    | [ip('a', 'link', 'set', 'dev', 'lo', 'up')]                                                  | ['ip', '-n', 'a', '-batch', '-']
        Tool.IP        | 'a'  | true     | [ip('a', 'link', 'del', 'dev', 'x')]                                                         | ['ip', '-n', 'a', '-force', '-batch', '-']
        Tool.TC        | 'a'  | false    | [Command.of('a', Tool.TC, ['qdisc', 'add', 'dev', 'x', 'root', 'tbf'])]                      | ['ip', 'netns', 'exec', 'a', 'tc', '-batch', '-']
        Tool.SYSCTL    | 'a'  | false    | [Command.of('a', Tool.SYSCTL, ['-w', 'x.y=1']), Command.of('a', Tool.SYSCTL, ['-w', 'z=0'])] | ['ip', 'netns', 'exec', 'a', 'sysctl', '-w', 'x.y=1', 'z=0']
        Tool.SYSCTL    | null | false    | [Command.of(null, Tool.SYSCTL, ['-w', 'net.ipv4.ip_forward=1'])]                             | ['sysctl', '-w', 'net.ipv4.ip_forward=1']
        Tool.IPTABLES  | null | false    | [Command.of(null, Tool.IPTABLES, ['-A', 'FORWARD', '-j', 'ACCEPT'])]                         | ['iptables-restore', '--noflush']
    }

    def "iptables rules are grouped by table into one restore file, each table committed"() {
        given:
        def b = new Batch(Tool.IPTABLES, 'r', verbatim([
                Command.of('r', Tool.IPTABLES, ['-t', 'nat', '-A', 'POSTROUTING', '-s', '10.0.0.0/24', '-j', 'MASQUERADE']),
                Command.of('r', Tool.IPTABLES, ['-A', 'FORWARD', '-i', 'a', '-j', 'ACCEPT']),
                Command.of('r', Tool.IPTABLES, ['-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '--dport', '80', '-j', 'DNAT', '--to-destination', '10.0.0.1:80'])]), false)

        expect:
        b.input() == '''*nat
-A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE
-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1:80
COMMIT
*filter
-A FORWARD -i a -j ACCEPT
COMMIT
'''
    }

    def "a failed #tool batch tells which command failed (#failed) and which took effect (#done)"() {
        given:
        def b = new Batch(tool, 'a', verbatim(commands), false)

        when:
        def o = b.outcome(new ExecResult(b.argv(), 1, '', stderr))

        then:
        o.failed() == failed
        o.done() == done
        o.message() == message

        where:
        tool          | commands                                                                              | stderr                                                                                     | failed | done      | message
        Tool.IP       | (1..4).collect { ip('a', 'link', 'set', 'dev', "x$it".toString(), 'up') }                        | 'Error: Unknown device type.\nCommand failed -:3\n'                                        | 2      | [0, 1]    | 'Error: Unknown device type.'
        Tool.TC       | (1..2).collect { Command.of('a', Tool.TC, ['qdisc', 'add', 'dev', "x$it".toString(), 'root', 'netem']) } | 'Error: Specified qdisc kind is unknown.\nCommand failed -:1\n'                    | 0      | []        | 'Error: Specified qdisc kind is unknown.'
        Tool.SYSCTL   | ['a.b=1', 'net.ipv4.conf.nope.rp_filter=0', 'c.d=1'].collect { Command.of('a', Tool.SYSCTL, ['-w', it]) } | 'sysctl: cannot stat /proc/sys/net/ipv4/conf/nope/rp_filter: No such file or directory\n' | 1 | [0, 2] | 'sysctl: cannot stat /proc/sys/net/ipv4/conf/nope/rp_filter: No such file or directory'
        Tool.IPTABLES | [Command.of('a', Tool.IPTABLES, ['-t', 'nat', '-A', 'POSTROUTING', '-j', 'MASQUERADE']), Command.of('a', Tool.IPTABLES, ['-A', 'FORWARD', '-j', 'BOGUS'])] | "iptables-restore v1.8.9 (nf_tables): Chain 'BOGUS' does not exist\nError occurred at line: 5\nTry `iptables-restore -h' or 'iptables-restore --help' for more information.\n" | 1 | [0] | "iptables-restore v1.8.9 (nf_tables): Chain 'BOGUS' does not exist"
    }

    def "a failure the tool does not locate counts every command as possibly done, so that undo errs on cleaning up"() {
        given:
        def b = new Batch(Tool.IP, 'a', verbatim([ip('a', 'link', 'set', 'dev', 'x', 'up'), ip('a', 'link', 'set', 'dev', 'y', 'up')]), false)

        when:
        def o = b.outcome(new ExecResult(b.argv(), 1, '', 'Segmentation fault'))

        then:
        o.failed() == -1
        o.done() == [0, 1]
        !o.ok()
    }

    def "arguments with spaces or quotes are quoted for the batch reader"() {
        expect:
        Batch.line(['a', 'b c', 'd"e', '#f']) == 'a "b c" "d\\"e" "#f"'
    }
}
