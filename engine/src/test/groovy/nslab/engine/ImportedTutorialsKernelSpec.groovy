package nslab.engine

import nslab.LabCompiler
import nslab.imports.ShellImporter
import spock.lang.Specification

/**
 * The seed tutorials that build a lab on one machine, written out as a reader pastes them
 * (src/test/resources/tutorials): each imports completely into a lab that the engine applies in a
 * sandbox, where plain ping confirms what the tutorial's own pings showed and plain ip shows what
 * its commands would have built; destroy then leaves the sandbox as it was.
 */
class ImportedTutorialsKernelSpec extends Specification {

    def "#tutorial imports into a lab that builds what its commands build"() {
        given:
        def text = getClass().getResource("/tutorials/$tutorial").text
        def imported = ShellImporter.importText(text, tutorial, ShellImporter.labNameOf(tutorial))
        def compiled = new LabCompiler().compile("${tutorial}.groovy", imported.lab())
        def file = KernelSandbox.labFile(imported.lab(), ShellImporter.labNameOf(tutorial))

        expect: 'every command that builds something was translated, into a valid lab'
        imported.complete()
        compiled.ok()
        compiled.lab().expectations().size() == pings

        when:
        def r = KernelSandbox.run("""
snapshot > /run/before.\$\$
echo "=== apply"; nslab apply ${file.absolutePath}; echo "exit \$?"
echo "=== pings"
${PlainPing.script(compiled.lab())}
echo "=== look"; $look
echo "=== destroy"; nslab destroy ${compiled.lab().name()}; echo "exit \$?"
echo "=== diff"; snapshot > /run/after.\$\$; diff /run/before.\$\$ /run/after.\$\$ && echo same
rm -f /run/before.\$\$ /run/after.\$\$
""")

        then: 'the engine built it and its checks passed'
        r.section('apply').contains('STATUS APPLIED')
        r.section('apply').endsWith('exit 0')

        and: "plain ping reaches what the tutorial's pings reached"
        PlainPing.agree(compiled.lab(), r.section('pings'))

        and: 'plain ip shows what the commands would have built'
        shows.every { r.section('look').contains(it) }

        and: 'destroy gave the sandbox back as it was'
        r.section('destroy').endsWith('exit 0')
        r.section('diff').trim() == 'same'

        where:
        tutorial               | pings | look                                                                 || shows
        '000-veth-nat.sh'      | 2     | 'ip -o addr show dev veth-a; ip netns exec internet ping -c 1 -W 1 10.0.0.3 >/dev/null || echo hidden; iptables -t nat -S POSTROUTING' || ['10.0.0.2/32', 'hidden', '-A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE']
        '001-bridge.sh'        | 2     | 'ip -n bridge -o link show master br'                                 || ['bridge-net0', 'bridge-net1']
        '001-macvlan.sh'       | 2     | 'ip -n net0 -d -o link show dev mv0; ip -n net1 -d -o link show dev mv1' || ['mv0@if', 'mv1@if', 'macvlan mode bridge']
        '003-routed.sh'        | 3     | 'ip -n client -o addr show dev cli-veth; ip -n client route'          || ['10.0.100.1/8', 'default via 10.0.100.254 dev cli-veth', '10.0.0.0/8 dev cli-veth']
        '003-bridge.sh'        | 1     | 'ip -n bridge -o link show master br; ip -n net1 -o addr show'       || ['bridge-net0', 'bridge-net1', '10.0.1.2/24']
        '004-pair-here.sh'     | 1     | 'ip -o link show dev veth0; cat /proc/sys/net/ipv4/conf/veth1/accept_local' || ['veth0@veth1', '1']
        '004-pair-across.sh'   | 1     | 'ip -n net0 -o link show dev veth0; ip -n net1 -o addr show dev veth1' || ['veth0@', '10.0.1.2/24']
    }
}
