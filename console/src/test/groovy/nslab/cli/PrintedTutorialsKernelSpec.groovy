package nslab.cli

import spock.lang.Shared
import spock.lang.Specification

/**
 * The seed tutorials' commands exactly as the pages print them (src/test/resources/printed: only
 * the command blocks, copied byte for byte, with their run-together lines, no-break spaces and
 * full stops), given to {@code nslab import} as a user runs it. The lab it writes is applied in a
 * sandbox, where plain ping goes where the tutorial pings; where the printed commands cannot make
 * a valid lab, the fix import prints is made first. Destroy then leaves the sandbox as it was.
 */
class PrintedTutorialsKernelSpec extends Specification implements InProcessCli {
    static final String SNAPSHOT = '''
snapshot() {
    ip -o link show; ip -o addr show; ip route show; ip -6 route show
    iptables-save | grep -v '^#' | sed 's/\\[[0-9]*:[0-9]*\\]//'
    cat /proc/sys/net/ipv4/ip_forward; ip netns list
}
'''
    /** Import's fix for a gateway on no subnet: the route to the gateway itself. */
    static final String GATEWAY_FIX = /add a route to the gateway itself: (route '[^']+' dev '[^']+')/

    @Shared File dir = new File('target/printed-tutorials').tap { deleteDir(); mkdirs() }

    def cleanupSpec() {
        dir.deleteDir()
    }

    def "#tutorial as printed: import exits #exit, and its lab#fixNote builds and pings where the tutorial pings"() {
        given: 'the commands as the page prints them'
        def commands = new File(dir, tutorial).tap { text = getClass().getResource("/printed/$tutorial").text }
        def lab = new File(dir, tutorial.replace('.sh', '.groovy'))

        when: 'nslab import reads them'
        def imported = run('import', commands.path, '-o', lab.path)

        then: 'it exits as the text deserves and names what it could not read, or nothing'
        imported.exit == exit
        untranslated.every { imported.err.contains("${commands.path}:${it}: not translated: ") }
        imported.err.count(': not translated: ') == untranslated.size()
        !imported.err.contains('Exception')

        when: "the fix import printed is made, before the line it is about"
        def problem = imported.err =~ /${lab.path}:(\d+): error: .*\n\s+.*/
        if (fixed) {
            assert problem.find()
            def fix = (problem.group() =~ GATEWAY_FIX)
            assert fix.find()
            def lines = lab.readLines()
            int at = problem.group(1) as int
            lab.text = (lines.take(at - 1) + ['    ' + fix.group(1)] + lines.drop(at - 1)).join('\n') + '\n'
        } else {
            assert !problem.find()
        }

        and: 'the lab is applied in a sandbox, pinged with plain ping, looked at with plain ip, destroyed'
        def r = TraceSandbox.run(SNAPSHOT + """
snapshot > /run/before
nslab apply ${lab.path}
echo "=== pings"
${pings.collect { from, to -> ping(from, to) }.join('\n')}
echo "=== look"; $look
nslab destroy ${lab.path}
echo "=== diff"; snapshot > /run/after; diff /run/before /run/after && echo same
""")

        then: 'it was built'
        r.out.readLines().takeWhile { it != '=== pings' }.last() == '=== exit 0'
        r.section('pings').readLines().findAll { it.startsWith('PING ') }.every { it.endsWith(' reached') }
        r.section('pings').count('PING ') == pings.size()
        shows.every { r.section('look').contains(it) }

        and: 'destroy left the sandbox as it was'
        r.section('diff').trim() == 'same'

        where:
        tutorial          | exit | untranslated     | fixed || pings                                                                              | look                                             | shows
        '000-veth-nat.sh' | 1    | [8, 9, 10, 12]   | true  || [['nstest', '10.0.0.2'], ['host', '10.0.0.3']]                                      | 'iptables -t nat -S POSTROUTING'                 | ['-A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE']
        '001-bridge.sh'   | 1    | [6, 7]           | false || []                                                                                 | 'ip -n bridge -o link show master br'            | ['bridge-net0', 'bridge-net1']
        '002-unshare.sh'  | 1    | [52]             | false || [['unshared', '127.0.0.1'], ['unshared', '192.168.8.1']]                          | 'ip -n unshared route'                           | ['default via 192.168.8.1 dev veth1']
        '003-nstest.sh'   | 0    | []               | false || [['host', '10.0.0.2'], ['nstest', '10.0.0.1']]                                     | 'ip -o addr show dev veth-a'                     | ['10.0.0.1/24']
        '003-demo.sh'     | 0    | []               | false || [['gateway', '192.168.100.1'], ['gateway', '10.0.100.1'], ['client', '192.168.100.1']] | 'ip -n client route'                           | ['default via 10.0.100.254 dev cli-veth']
        '003-bridge.sh'   | 0    | []               | false || [['net0', '10.0.1.2']]                                                             | 'ip -n bridge -o link show master br'            | ['bridge-net0', 'bridge-net1']
        fixNote = fixed ? ' with the fix it printed' : ''
    }

    static String ping(String from, String to) {
        def command = (from == 'host' ? '' : "ip netns exec $from ") + "ping -c 1 -W 1 $to"
        "r=unreached; for t in 1 2 3; do if $command >/dev/null 2>&1; then r=reached; break; fi; done; echo \"PING $from $to \$r\""
    }
}
