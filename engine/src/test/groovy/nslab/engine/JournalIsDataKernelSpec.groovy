package nslab.engine

import nslab.model.Source
import nslab.plan.Command
import nslab.plan.Effect
import nslab.plan.Phase
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/**
 * A journal is data, never commands: destroy works out each undo from what the journal says was
 * made, checks who it is, and runs no text read from the file; the file and its directory are
 * trusted only when they are the user's own and private. Each case is tried against the kernel in
 * a sandbox of its own, with a victim namespace and an INPUT rule that must survive.
 */
class JournalIsDataKernelSpec extends Specification {
    static final String LAB = "lab 'jd'\nnamespace 'jd1' { veth 'v1' peer 'jd2', name: 'v2'; ip '10.77.0.1/24' }\nnamespace 'jd2' { dev 'v2' { ip '10.77.0.2/24' } }\n"

    /** A line of the journal format nslab 2 wrote, whose undo field older nslabs ran as written. */
    static String oldStyleStep(int id, List<String> undo, String tool = 'IP') {
        def f = ['S', "$id", 'NAMESPACES', '0', 'lab.groovy', '1', '=', 'IP', '3', 'netns', 'add', 'zz', '=', tool, "${undo.size()}"] +
                undo + ['OTHER', '=', '', '0', '0']
        JournalLines.line(f as String[])
    }

    static String record(JournalRecord r) {
        def sb = new StringBuilder()
        JournalCodec.write(r, sb)
        sb.toString()
    }

    def "a line appended to the journal (#what) runs nothing: the victim namespace and INPUT rule stay, the lab goes"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'jd')
        def extra = File.createTempFile('nslab-planted', '.line')
        extra.text = line

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null; echo "apply \$?"
ip netns add victim; iptables -A INPUT -s 10.99.0.0/16 -j ACCEPT
cat ${extra.absolutePath} >> /run/nslab/jd.journal
echo "=== destroy"; nslab destroy jd; echo "exit \$?"
echo "=== after"; ip netns list | cut -d' ' -f1; iptables -S INPUT | grep -c 10.99.0.0 
""")
        extra.delete()

        then: 'the planted record did nothing'
        def after = r.section('after').readLines()*.trim()
        after.contains('victim')
        after.last() == '1'

        and: 'the lab itself was removed (or, for a record in its midst, nothing was done and the reason said)'
        r.section('destroy').contains(said)
        after.size() == (said.contains('cannot read') ? 4 : 2)

        where:
        what                                             | line                                                                                 || said
        "an old-format undo 'ip netns del victim'"       | oldStyleStep(900, ['netns', 'del', 'victim'])                                         || 'exit 0'
        "an old-format undo 'iptables -F INPUT'"         | oldStyleStep(901, ['-F', 'INPUT'], 'IPTABLES')                                        || 'exit 0'
        'a namespace made, with no identity'             | record(new JournalRecord.Intent(902, Phase.NAMESPACES, false, new Source('lab.groovy', 1),
                Command.ip(null, 'netns', 'add', 'victim'), Effect.namespace('victim'), new Made.Namespace('victim')))                   || "NOTE namespace victim has no identity in the lab's journal, so nothing tells it from one made by someone else"
        'a rule whose match flushes'                     | JournalLines.line('S', '903', 'FIREWALL', '0', 'lab.groovy', '1', '=', 'IPTABLES', '2', '-A', 'INPUT',
                'RULE', '=', 'filter', '0', '0', 'rule', '=', 'filter', 'INPUT', '2', '-F', 'INPUT') + JournalLines.line('D', '1')      || "a record nslab cannot read (a rule option nslab does not write: -F)"
    }

    def "a run directory #what is refused before anything is read or run, and apply changes nothing"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'jd')
        def planted = oldStyleStep(1, ['netns', 'del', 'victim'])
        def outside = Files.createTempDirectory('nslab-notmine')
        Files.setOwner(outside, outside.fileSystem.userPrincipalLookupService.lookupPrincipalByName('nobody'))
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString('rwxr-xr-x'))
        def plantedFile = File.createTempFile('nslab-planted', '.journal')
        plantedFile.text = JournalLines.line(Journal.MAGIC, '2', 'jd', '-') + planted

        when:
        def r = KernelSandbox.run("""
ip netns add victim
${setup.replace('OUTSIDE', outside.toString()).replace('PLANTED', plantedFile.absolutePath)}
echo "=== apply"; NSLAB_RUN_DIR=\$dir nslab apply ${lab.absolutePath}; echo "exit \$?"
echo "=== destroy"; NSLAB_RUN_DIR=\$dir nslab destroy jd; echo "exit \$?"
echo "=== after"; ip netns list | cut -d' ' -f1
""")
        outside.toFile().deleteDir()
        plantedFile.delete()

        then:
        r.section('apply').contains(refusal)
        r.section('apply').contains('read and ran nothing')
        r.section('apply').endsWith('exit 3')
        r.section('destroy').contains(refusal)
        r.section('after').readLines()*.trim() == ['victim']

        where:
        what                               | setup                                                                                 || refusal
        'open to all (0777)'               | 'dir=/run/open; mkdir -m 777 $dir; cp PLANTED $dir/jd.journal; chmod 600 $dir/jd.journal' || 'can be written by its group and others (mode 0777)'
        'owned by nobody'                  | 'dir=OUTSIDE'                                                                          || 'is owned by uid 65534, not by the user running nslab'
        'that is a symbolic link'          | 'mkdir -m 700 /run/real; cp PLANTED /run/real/jd.journal; ln -s /run/real /run/link; dir=/run/link' || 'is a symbolic link'
        'holding a journal others may write' | 'dir=/run/mine; mkdir -m 700 $dir; cp PLANTED $dir/jd.journal; chmod 666 $dir/jd.journal' || 'the journal /run/mine/jd.journal can be written by its group and others (mode 0666)'
    }

    def "kill -9 of apply once the host veth exists, then someone else makes the namespace and the host veth again: destroy leaves theirs alone (#executor)"() {
        given:
        def lab = KernelSandbox.labFile("lab 'win'\nhost { veth 'wh0' peer 'wa', name: 'wa0'; ip '10.78.0.1/24' }\nnamespace 'wa' { dev 'wa0' { ip '10.78.0.2/24' } }\nnamespace 'wb'\n", 'win')

        when:
        def r = KernelSandbox.run("""
export NSLAB_EXECUTOR=$executor
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver apply ${lab.absolutePath} >/dev/null 2>&1 &
pid=\$!
until ip link show wh0 >/dev/null 2>&1; do :; done
kill -9 \$pid; wait \$pid 2>/dev/null
ip netns del wa 2>/dev/null; ip link del wh0 2>/dev/null
ip netns add wa; ip link add wh0 type veth peer name wo0
echo "=== ids"; stat -L -c %i /run/netns/wa; ip -o link show wh0 | cut -d: -f1
echo "=== destroy"; nslab destroy win; echo "exit \$?"
echo "=== after"; stat -L -c %i /run/netns/wa; ip -o link show wh0 | cut -d: -f1; ip netns list | cut -d' ' -f1 | sort
""")

        then: "the outsider's namespace and veth are the very same objects after destroy"
        def ids = r.section('ids').readLines()*.trim()
        def after = r.section('after').readLines()*.trim()
        after.take(2) == ids
        after.drop(2) == ['wa']

        and:
        r.section('destroy').contains('exit')

        where:
        executor << ['ip', 'netlink']
    }

    def "a destroy killed between unmounting a namespace and removing its file: the next destroy removes the file as the lab's, and apply works again"() {
        given:
        def lab = KernelSandbox.labFile(LAB, 'jd')

        when:
        def r = KernelSandbox.run("""
nslab apply ${lab.absolutePath} >/dev/null; echo "apply \$?"
nslab mark-removing jd
umount /run/netns/jd1
echo "=== state"; [ -f /run/netns/jd1 ] && [ ! -s /run/netns/jd1 ] && echo empty-file
echo "=== destroy"; nslab destroy jd; echo "exit \$?"
echo "=== after"; ls /run/netns | wc -l
echo "=== again"; nslab apply ${lab.absolutePath} | grep STATUS; nslab destroy jd >/dev/null; echo "exit \$?"
""")

        then:
        r.section('state').trim() == 'empty-file'
        r.section('destroy').endsWith('exit 0')
        !r.section('destroy').contains('no longer the lab')
        r.section('after').trim() == '0'
        r.section('again').readLines()*.trim() == ['STATUS APPLIED', 'exit 0']
    }

    def "SIGTERM in the run phase rolls back and leaves no run log; kill -9 once /etc/netns folders exist leaves none after destroy"() {
        given:
        def lab = KernelSandbox.labFile("lab 'logs'\n" + (1..60).collect { "namespace 'lg$it' { run 'exec sleep ${7300 + it}' }\n" }.join(''), 'logs')

        when:
        def r = KernelSandbox.run("""
env --default-signal=TERM java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver apply ${lab.absolutePath} > /run/out.\$\$ 2>&1 &
pid=\$!
until ls /run/nslab/ 2>/dev/null | grep -q '[.]log\$'; do :; done
kill -TERM \$pid; wait \$pid; e=\$?; echo "=== term"; echo \$e; ls /run/nslab | grep -c '[.]log\$'
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "\$NSLAB_TEST_CP" nslab.engine.EngineDriver apply ${lab.absolutePath} >/dev/null 2>&1 &
pid=\$!
until [ -d /etc/netns/lg1 ]; do :; done
kill -9 \$pid; wait \$pid 2>/dev/null
echo "=== destroy"; nslab destroy logs; ls -la /etc/netns/*; echo "=== kill"; ls /etc/netns | grep -c lg; ls /run/nslab | grep -c '[.]log\$'; ip netns list | wc -l
rm -f /run/out.\$\$
""")

        then:
        r.section('term').readLines()*.trim() == ['143', '0']
        r.section('kill').readLines()*.trim() == ['0', '0', '0']
    }
}
