package nslab.report

import nslab.engine.ApplyResult
import nslab.engine.CheckResult
import nslab.model.Expectation
import nslab.model.Source
import spock.lang.Specification

/** The JUnit report from given results (the kernel's own runs are in JsonAndJUnitKernelSpec): what each case says, and that it parses. */
class JUnitReportSpec extends Specification {
    static final Expectation HOLDS = new Expectation('a', 'b', true, null, new Source('lab.groovy', 9))
    static final Expectation FAILS = new Expectation('b', '10.0.0.9', false, 'eth0', new Source('lab.groovy', 10))

    File file = new File('target/junit-report-spec.xml')

    def cleanup() {
        file.delete()
    }

    def "a case per expectation: the one that holds passes, the other fails with what the probe printed, markup and control characters and all"() {
        given:
        def printed = '$ ip netns exec b ping -c 1 -W 1 10.0.0.9\n64 bytes from 10.0.0.9 <&> "\u0007"\n(exit 0)'
        def run = new CheckRun('lab', true, [new CheckResult(HOLDS, '10.6.0.2', true, null, 'ok'),
                                             new CheckResult(FAILS, '10.0.0.9', true, null, printed)], [null, null], 1500)

        when:
        JUnitReport.write(file.toPath(), run)
        def report = JUnitXml.read(file)
        def suite = report.suites[0]

        then:
        report.root == 'testsuites'
        [suite.name, suite.tests, suite.failures, suite.errors, suite.skipped, suite.time] == ['lab', '2', '1', '0', '0', '1.500']
        suite.cases.collect { [it.classname, it.name, it.file, it.line, it.outcome*.kind] } == [
                ['lab', 'a reaches b', 'lab.groovy', '9', []],
                ['lab', 'b does not reach 10.0.0.9 via eth0', 'lab.groovy', '10', ['failure']]]
        suite.cases[1].outcome[0].message == 'expected unreachable, got reachable'
        suite.cases[1].outcome[0].text == printed.replace('\u0007', '\uFFFD') + '\n'
    }

    def "an apply #what: its own case #outcome, the expectations #then"() {
        given:
        def check = result.ok() && checked ? new CheckRun('lab', true, [new CheckResult(HOLDS, '10.6.0.2', true, null, 'ok')], [null], 10) : null
        def run = new ApplyRun('lab', 3, result, 5, 20, check, [HOLDS])

        when:
        JUnitReport.write(file.toPath(), run)
        def suite = JUnitXml.read(file).suites[0]

        then:
        suite.cases*.name == ['apply', 'a reaches b']
        suite.cases[0].outcome.collect { [it.kind, it.message] } == apply
        suite.cases[1].outcome.collect { [it.kind, it.message] } == expectation
        [suite.tests, suite.errors, suite.skipped] == counts

        where:
        what                | result                                                                                              | checked || apply                                                                                 | expectation                                     | counts
        'that worked'       | new ApplyResult(ApplyResult.Status.APPLIED, ['ip netns add a'], [], [], null)                       | true    || []                                                                                    | []                                              | ['2', '0', '0']
        'with --no-check'   | new ApplyResult(ApplyResult.Status.APPLIED, ['ip netns add a'], [], [], null)                       | false   || []                                                                                    | [['skipped', 'not run: --no-check']]            | ['2', '0', '1']
        'in the way'        | new ApplyResult(ApplyResult.Status.CONFLICT, [], [], ['namespace a exists'], null)                  | true    || [['error', 'stopped before changing anything: namespace a exists']]                  | [['skipped', 'not run: the apply failed']]      | ['2', '1', '1']
        'the kernel refused'| new ApplyResult(ApplyResult.Status.FAILED, [], ['ip netns del a'], [],
                new ApplyResult.Failure('ip -n a link add x type vlan', 'Error: Unknown device type.', null, new Source('lab.groovy', 4), "vlan 'x'", true)) | true || [['error', 'lab.groovy:4: the kernel refused: ip -n a link add x type vlan']] | [['skipped', 'not run: the apply failed']] | ['2', '1', '1']

        outcome = apply ? 'is an error' : 'passes'
        then = expectation ? 'skipped' : 'checked'
    }
}
