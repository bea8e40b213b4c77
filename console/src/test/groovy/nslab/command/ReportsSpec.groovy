package nslab.command

import nslab.engine.CheckResult
import nslab.model.Expectation
import nslab.model.Source
import spock.lang.Specification

class ReportsSpec extends Specification {

    def "the check table says from, to, expected, got, and a last line sums it up"() {
        given:
        def e1 = new Expectation('a', 'b', true, null, Source.UNKNOWN)
        def e2 = new Expectation('b', '10.0.0.9', false, null, Source.UNKNOWN)
        def text = new StringWriter()

        when:
        Reports.checks(new PrintWriter(text), [new CheckResult(e1, '10.6.0.2', true, null), new CheckResult(e2, '10.0.0.9', true, null)])

        then:
        text.toString().readLines()*.split(/\s{2,}/)*.toList() == [
                ['from', 'to', 'expected', 'got'],
                ['a', 'b (10.6.0.2)', 'reachable', 'reachable', 'ok'],
                ['b', '10.0.0.9', 'unreachable', 'reachable', 'FAILED'],
                ['1 of 2 expectations failed']]
    }

    def "the last line counts one expectation in the singular: #results"() {
        given:
        def e = new Expectation('a', 'b', true, null, Source.UNKNOWN)
        def text = new StringWriter()

        when:
        Reports.checks(new PrintWriter(text), results.collect { new CheckResult(e, '10.6.0.2', it, null) })

        then:
        text.toString().readLines().last() == last

        where:
        results       || last
        [true]        || 'the 1 expectation holds'
        [false]       || '1 of 1 expectation failed'
        [true, true]  || 'all 2 expectations hold'
        [false, true] || '1 of 2 expectations failed'
    }
}
