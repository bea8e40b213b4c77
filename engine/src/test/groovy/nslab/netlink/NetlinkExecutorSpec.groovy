package nslab.netlink

import nslab.LabCompiler
import nslab.engine.Batch
import nslab.exec.ExecResult
import nslab.exec.Executor
import nslab.plan.Tool
import spock.lang.Specification

import java.nio.file.Path

/**
 * What the netlink executor takes on itself and what it leaves to processes: every ip command
 * the planner writes is one of its forms; programs it does not stand in for go to processes
 * untouched.
 */
class NetlinkExecutorSpec extends Specification {

    static List<File> labs() {
        ExecutorsAgreeKernelSpec.labs()
    }

    def "every ip command of #lab.name is a form the executor carries out itself"() {
        given:
        def plan = new LabCompiler().compile(lab.toPath()).plan()
        def ipCommands = plan.steps().collectMany { [it.command(), it.undo()] }.findAll { it != null && it.tool() == Tool.IP }

        expect:
        !ipCommands.empty
        ipCommands.findAll { IpLine.parse(it.args()) == null }*.args() == []

        where:
        lab << labs()
    }

    def "#argv is #what"() {
        expect:
        NetlinkExecutor.isIpBatch(argv) == batch

        where:
        argv                                              || batch | what
        ['ip', '-batch', '-']                             || true  | 'a root batch'
        ['ip', '-n', 'a', '-batch', '-']                  || true  | 'a namespace batch'
        ['ip', '-n', 'a', '-force', '-batch', '-']        || true  | 'an undo batch'
        ['ip', '-force', '-batch', '-']                   || true  | 'a root undo batch'
        ['ip', '-j', 'link', 'show']                      || false | 'a read, left to ip'
        ['ip', '-n', 'a', '-6', '-batch', '-']            || false | 'an option it does not know'
        ['ip', 'netns', 'exec', 'a', 'tc', '-batch', '-'] || false | 'tc'
    }

    def "a batch line is read as ip reads it: '#line'"() {
        expect:
        NetlinkExecutor.words(line) == words

        where:
        line                                        || words
        'link set dev lo up'                        || ['link', 'set', 'dev', 'lo', 'up']
        Batch.line(['link', 'add', 'name', 'a b'])  || ['link', 'add', 'name', 'a b']
        Batch.line(['addr', 'add', 'x"y', 'dev'])   || ['addr', 'add', 'x"y', 'dev']
        '  route   add default  '                   || ['route', 'add', 'default']
    }

    def "programs it does not stand in for go to processes as they are: #argv"() {
        given:
        def processes = Mock(Executor)
        def executor = new NetlinkExecutor(processes)

        when:
        def r = executor.run(argv, stdin)

        then:
        1 * processes.run(argv, stdin) >> new ExecResult(argv, 0, 'from the process', '')
        r.out() == 'from the process'

        where:
        argv                                                           | stdin
        ['iptables-restore', '--noflush']                              | '*filter\nCOMMIT\n'
        ['ip', 'netns', 'exec', 'a', 'tc', '-batch', '-']              | 'qdisc add dev x root tbf rate 1mbit burst 32kbit latency 400ms\n'
        ['ip', '-j', 'link', 'show']                                   | null
        ['ping', '-c', '1', '10.0.0.1']                                | null
        ['ip', 'netns', 'exec', 'a', 'sysctl', '-w', 'net/ipv4/ip_forward=1'] | null
    }

    def "a run command starts as a process, with its mark"() {
        given:
        def processes = Mock(Executor)

        when:
        new NetlinkExecutor(processes).start(['sleep', '1'], Path.of('/dev/null'), '1:2:3')

        then:
        1 * processes.start(['sleep', '1'], Path.of('/dev/null'), '1:2:3') >> 42L
    }
}
