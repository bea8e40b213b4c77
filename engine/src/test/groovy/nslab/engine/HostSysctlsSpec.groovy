package nslab.engine

import java.nio.file.Files
import java.nio.file.Path
import nslab.model.Source
import nslab.plan.Command
import nslab.plan.Effect
import nslab.plan.Phase
import nslab.plan.Step
import nslab.plan.Tool
import spock.lang.Specification
import spock.lang.TempDir
import nslab.exec.Executor
import nslab.exec.ExecResult

/**
 * Giving a host sysctl back: ip_forward is restored with the per-interface forwarding values it
 * resets. An interface in that list can vanish while destroy runs (a veth whose peer's namespace the
 * kernel is still taking down); sysctl then cannot stat its file, which is no failure to report.
 * The executor here writes into a /proc/sys of files, nothing of the machine's.
 */
class HostSysctlsSpec extends Specification {
    @TempDir Path runDir
    @TempDir Path procSys
    List<List<String>> ran = []

    /** Runs sysctl -w into the file tree; {@code vanishing} is removed just before it is written, as the kernel would. */
    Executor sysctlOnFiles(String vanishing) {
        [run: { List<String> argv, String stdin ->
            ran << argv
            StringBuilder err = new StringBuilder()
            argv.findAll { it.contains('=') }.each { kv ->
                def (key, value) = kv.split('=', 2)
                Path file = procSys.resolve(key.replace('.', '/'))
                if (vanishing != null && file.parent.fileName.toString() == vanishing) file.parent.toFile().deleteDir()
                if (Files.exists(file)) Files.writeString(file, value + '\n')
                else err << "sysctl: cannot stat /proc/sys/${key.replace('.', '/')}: No such file or directory\n"
            }
            new ExecResult(argv, err ? 255 : 0, '', err.toString())
        }, start: { List<String> argv, Path log -> 0L }] as Executor
    }

    def setup() {
        Files.writeString(procSys.resolve('net/ipv4').tap { Files.createDirectories(it) }.resolve('ip_forward'), '1\n')
        ['all', 'default', 'eth0', 'veth-a'].each {
            Files.createDirectories(procSys.resolve("net/ipv4/conf/$it"))
            Files.writeString(procSys.resolve("net/ipv4/conf/$it/forwarding"), '1\n')
        }
    }

    /** A live journal entry that set ip_forward (to what the machine has now, so it counts as unchanged since). */
    Journal.Entry setForwarding(Journal journal) {
        String now = new File('/proc/sys/net/ipv4/ip_forward').text.trim()
        def step = new Step(Phase.SYSCTLS, Command.of(null, Tool.SYSCTL, ['-w', "net.ipv4.ip_forward=$now".toString()]), null,
                new Source('lab.groovy', 3), 'x', false, Effect.sysctl(null, 'net.ipv4.ip_forward'))
        def e = journal.begin([step])[0]
        journal.mark([e], Journal.State.DONE)
        journal.identify([(e): [(HostSysctls.ORIGINAL): '0', (HostSysctls.INTERFACES): 'default=0 eth0=0 veth-a=0']])
        journal.live()[0]
    }

    def "an interface that vanishes while its forwarding value is given back is no failure; the others get theirs"() {
        given:
        def journal = Journal.open(runDir, 'lab')
        def entry = setForwarding(journal)
        def notes = []

        when:
        new HostSysctls(sysctlOnFiles('veth-a'), runDir, procSys).restore(journal, [entry], notes)

        then: 'veth-a was in the command (it was there when the list was made), then gone'
        ran.size() == 1
        ran[0].contains('net/ipv4/conf/veth-a/forwarding=0')
        !Files.exists(procSys.resolve('net/ipv4/conf/veth-a'))

        and: 'the key and the interfaces still there got their values, and nothing is reported'
        Files.readString(procSys.resolve('net/ipv4/ip_forward')).trim() == '0'
        Files.readString(procSys.resolve('net/ipv4/conf/eth0/forwarding')).trim() == '0'
        Files.readString(procSys.resolve('net/ipv4/conf/default/forwarding')).trim() == '0'
        notes == []
    }

    def "an interface that is still there and cannot be written is reported"() {
        given:
        def journal = Journal.open(runDir, 'lab')
        def entry = setForwarding(journal)
        def notes = []
        Executor refusing = [run: { List<String> argv, String stdin ->
            new ExecResult(argv, 255, '', 'sysctl: setting key "net.ipv4.conf.eth0.forwarding": Operation not permitted\n')
        }, start: { List<String> argv, Path log -> 0L }] as Executor

        when:
        new HostSysctls(refusing, runDir, procSys).restore(journal, [entry], notes)

        then:
        notes == ['could not give host sysctl net.ipv4.ip_forward back its value 0: sysctl: setting key "net.ipv4.conf.eth0.forwarding": Operation not permitted']
    }
}
