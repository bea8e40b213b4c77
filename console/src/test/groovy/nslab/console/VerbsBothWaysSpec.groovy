package nslab.console

import groovy.json.JsonSlurper
import spock.lang.IgnoreIf
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

/**
 * Each verb the command line and the console share gives the same exit status and prints the
 * same text both ways, for the same lab on the same kernel: nothing live, then applied, checked
 * and destroyed by each in turn. The verbs run in a private user + network + mount namespace
 * (see {@link VerbsBothWaysDriver}), so nothing touches the machine's network.
 *
 * Where the two used to differ, this pins what both do now: check on a lab that is not live
 * warns and pings (the kernel answers, not the journal); destroy of a lab that is not live exits 2.
 */
@Timeout(240)
@IgnoreIf({ !new File('/usr/bin/unshare').exists() && !new File('/bin/unshare').exists() })
class VerbsBothWaysSpec extends Specification {
    @Shared Map<String, Map> steps
    @Shared File dir

    def setupSpec() {
        dir = File.createTempDir()
        def lab = new File(dir, 'both.groovy')
        lab.text = '''lab 'both-ways'
namespace 'bw-a' { veth 'bw-a0' peer 'bw-b', name: 'bw-b0'; ip '10.41.0.1/24' }
namespace 'bw-b' { dev 'bw-b0' { ip '10.41.0.2/24' } }
expect { reach 'bw-a' to 'bw-b'; unreachable 'bw-a' to '10.41.0.9' }
'''
        def r = SandboxedConsole.runMain('nslab.console.VerbsBothWaysDriver', [lab.path])
        String line = r.out.readLines().find { it.startsWith('BOTH-WAYS: ') }
        assert line: "the driver printed no results (exit ${r.exit}):\n${r.out}"
        steps = new JsonSlurper().parseText(line.substring('BOTH-WAYS: '.length())).collectEntries { [it.step, it] }
    }

    def cleanupSpec() {
        dir?.deleteDir()
    }

    /**
     * What may differ from one run to the next: an interface's MAC (random each time it is made),
     * and the order among the commands of one wave (the engine runs its batches in parallel, and
     * -v shows each batch as it starts). Each run of shown commands is sorted; all else stays.
     */
    static String comparable(String text) {
        List<String> out = []
        List<String> shown = []
        text.replaceAll(/"mac":"[0-9a-f:]+"/, '"mac":"-"').readLines().each { line ->
            if (line.startsWith('+ ') || line.startsWith('- ')) {
                shown << line
            } else {
                out.addAll(shown.sort())
                shown = []
                out << line
            }
        }
        (out + shown.sort()).join('\n')
    }

    def "#step: the same exit status and the same text on the command line and in the console"() {
        given:
        Map run = steps[step]

        expect:
        run.cli.exit == exit
        run.console.exit == exit
        comparable(run.console.out) == comparable(run.cli.out)
        run.cli.out =~ shows

        where:
        step                | exit || shows
        'plan'              | 0    || /ip netns add bw-a/
        'explain'           | 0    || /veth 'bw-a0' peer 'bw-b'/
        'graph'             | 0    || /lab both-ways/
        'graph --format dot'| 0    || /graph "both-ways" \{/
        'status'            | 0    || /lab both-ways is not live/
        'check'             | 4    || /(?s)lab both-ways is not live here: apply it first.*namespace bw-a is not there.*2 of 2 expectations failed/
        'destroy'           | 2    || /lab both-ways is not live here \(no journal in \/run\/nslab\); live labs: none/
        'apply'             | 0    || /(?s)\+ ip netns add bw-a.*lab both-ways applied: .*bw-a\s+bw-b \(10\.41\.0\.2\)\s+reachable\s+reachable\s+ok.*all 2 expectations hold/
        'apply again'       | 0    || /lab both-ways is up to date: nothing changed/
        'status live'       | 0    || /bw-a0\s+veth\s+UP\s+10\.41\.0\.1\/24/
        'status --json'     | 0    || /^\{"format":"nslab\.status\/1","labs":\[\{"lab":"both-ways"/
        'check live'        | 0    || /all 2 expectations hold/
        'destroy live'      | 0    || /(?s)- ip netns del bw-a.*lab both-ways destroyed: 2 namespaces/
    }
}
