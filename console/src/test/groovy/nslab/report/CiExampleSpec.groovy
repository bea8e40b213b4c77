package nslab.report

import java.nio.file.Files
import nslab.cli.LauncherCopy
import spock.lang.Shared
import spock.lang.Specification

/**
 * docs/ci.md's workflow does what it says: its nslab step, run as written by the launcher with
 * --sandbox (the launcher makes the sandbox, as on a CI runner), builds the lab and writes the
 * JUnit report that its publish step reads; a lab whose expectation fails fails the step and the
 * report says which.
 */
class CiExampleSpec extends Specification {
    static final File PAGE = new File('../docs/ci.md')
    static final String ROUTED = new File('../examples/server-gateway-client.groovy').text

    @Shared String workflow = (PAGE.text =~ /(?s)```yaml\n(.*?)```/)[0][1]
    @Shared File dir

    def setup() {
        dir = new File('target/ci-example').tap { deleteDir(); mkdirs() }
        Files.copy(new File('../nslab').toPath(), new File(dir, 'nslab').toPath())
    }

    def cleanup() {
        dir.deleteDir()
    }

    /** The workflow's {@code run:} lines. */
    List<String> runs() {
        workflow.readLines().findAll { it =~ /^\s+run: / }.collect { it.replaceFirst(/^\s+run: /, '') }
    }

    def "the workflow runs nslab with --sandbox and publishes the report it writes, even when the step fails"() {
        given:
        def step = runs().find { it.startsWith('./nslab') }

        expect:
        step == './nslab --sandbox apply --junit report.xml lab.groovy'
        workflow.contains('report_paths: report.xml')
        workflow =~ /(?s)- name: Publish the report\n\s+if: always\(\)/
    }

    def "#what: the step exits #exit and the report has #failures failures among its #tests cases"() {
        given:
        new File(dir, 'lab.groovy').text = lab
        def step = runs().find { it.startsWith('./nslab') }

        when:
        def r = sh(step)
        def suite = JUnitXml.read(new File(dir, 'report.xml')).suites[0]

        then:
        r.exit == exit
        suite.name == 'server-gateway-client'
        suite.tests as int == tests
        suite.failures as int == failures
        suite.errors == '0'
        suite.cases*.name == ['apply', 'gateway reaches 192.168.100.1', 'gateway reaches 10.0.100.1', 'client reaches server',
                              'server reaches client']
        suite.cases.findAll { it.outcome }*.name == failed
        suite.cases.findAll { it.outcome }.every { it.outcome[0].text.contains('forwarding is off') }

        and: 'nothing of the lab is left on this machine'
        !new File('/run/netns/gateway').exists()

        where:
        what                          | lab                                      || exit | tests | failures | failed
        'the example lab'             | ROUTED                                   || 0    | 5     | 0        | []
        'the router without forward'  | ROUTED.replace('    forward true\n', '') || 4    | 5     | 2        | ['client reaches server', 'server reaches client']
    }

    /** The step as the runner's shell runs it, in the checkout, with the launcher on this build's classes. */
    Map sh(String command) {
        LauncherCopy.run(['sh', '-c', command], [NSLAB_CLASSPATH: System.getProperty('java.class.path'), NSLAB_CACHE_DIR: 'off'], dir)
    }
}
