package nslab.netlink

import nslab.LabCompiler
import nslab.exec.ExecResult
import nslab.exec.Executor
import nslab.plan.Command
import nslab.plan.Operation
import nslab.plan.Tool
import spock.lang.Specification

import java.nio.file.Path

/**
 * What the netlink executor takes on itself and what it leaves to processes: every ip operation
 * the planner makes, and every undo, becomes a request; programs it does not stand in for, and
 * operations nobody typed, go to processes untouched.
 */
class NetlinkExecutorSpec extends Specification {

    static List<File> labs() {
        ExecutorsAgreeKernelSpec.labs()
    }

    def "every ip operation of #lab.name, and its undo, is one the executor carries out itself"() {
        given:
        def plan = new LabCompiler().compile(lab.toPath()).plan()
        def ip = plan.steps().collectMany { [it.operation(), it.undoOperation()] }.findAll { it != null && it.tool() == Tool.IP }

        expect:
        !ip.empty
        ip.findAll { IpOperations.of(it) == null } == []

        where:
        lab << labs()
    }

    def "an operation nobody typed is left to ip, and so is its whole batch"() {
        given:
        def processes = Mock(Executor)
        def typed = new Operation.SetLink('a', 'lo', new nslab.plan.LinkChange.Up())
        def given = new Operation.Verbatim(Command.ip('a', 'link', 'set', 'dev', 'lo', 'up'))

        expect:
        new NetlinkExecutor(processes).carryOut('a', Tool.IP, [typed, given], false) == null
    }

    def "#tool operations are left to their programs"() {
        expect:
        new NetlinkExecutor(Mock(Executor)).carryOut('a', tool, [operation], false) == null

        where:
        tool          | operation
        Tool.TC       | new Operation.DeleteQdisc('a', 'x')
        Tool.IPTABLES | new Operation.IptablesRule('a', true, 'filter', 'FORWARD', ['-j', 'ACCEPT'])
        Tool.SYSCTL   | new Operation.SetSysctl('a', 'net/ipv4/conf/eth0.10/forwarding', '1')
    }

    def "programs go to processes as they are: #argv"() {
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
        ['ip', '-batch', '-']                                          | 'netns add a\n'
        ['ping', '-c', '1', '10.0.0.1']                                | null
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
