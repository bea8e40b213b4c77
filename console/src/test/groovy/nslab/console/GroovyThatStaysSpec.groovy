package nslab.console

import nslab.LabCompiler
import spock.lang.Specification

/** Groovy typed at the prompt lives for the session, as in groovysh's interpreter mode. */
class GroovyThatStaysSpec extends Specification {
    def session = new ConsoleSession(new LabCompiler())
    def lines = new LabLineHandler(session, null, null) // not live: nothing is applied
    def shown = new StringWriter()
    def out = new PrintWriter(shown)

    boolean type(String text) {
        lines.typed(text, out)
    }

    /** The second word of each line the console answered: {@code <console>:1 kept: ...}. */
    List<String> answers() {
        shown.toString().readLines().collect { it.split(' ')[1] }
    }

    def "def variables, methods and classes typed at the prompt are there two lines later"() {
        when:
        ['def n = 3',
         'def hostName(i) { "h$i" }',
         'class Host { String name; String toString() { name } }',
         "namespace 'a'",
         '(1..n).each { i -> namespace(hostName(i)) { tap "t0"; ip "10.0.$i.1/24" } }',
         "namespace(new Host(name: 'c').toString())"].each { type(it) }

        then: 'nothing was refused: Groovy that adds no command is kept, each lab line says what it added'
        answers() == ['kept:', 'kept:', 'kept:', 'added:', 'added:', 'added:']

        and:
        session.namespaceNames() == ['a', 'h1', 'h2', 'h3', 'c']
        session.lab().namespace('h2').get().firstAddress().get().toString().contains('10.0.2.1')
    }

    def "a line that only prints runs once, not again before every later line"() {
        given:
        def stdout = System.out
        def printed = new ByteArrayOutputStream()
        System.out = new PrintStream(printed, true)

        when:
        type("println 'hello from groovy'")
        type("namespace 'a'")
        type("namespace 'b'")

        then:
        printed.toString().count('hello from groovy') == 1

        cleanup:
        System.out = stdout
    }

    def "plans quote the line as typed, not the form compiled"() {
        when:
        type('def n = 2')
        type("namespace 'a' { tap 't0'; ip \"10.0.\${n}.1/24\" }")

        then:
        answers() == ['kept:', 'added:']
        def lab = session.lab()
        lab.line(lab.namespace('a').get().source()) == "namespace 'a' { tap 't0'; ip \"10.0.\${n}.1/24\" }"
        lab.line(new nslab.model.Source(ConsoleSession.CONSOLE_FILE, 1)) == 'def n = 2'
    }

    def "the text compiled keeps the typed lines where they were"() {
        expect:
        GroovyThatStays.compileForm(typed, false, []).split('\n', -1).length == typed.split('\n', -1).length
        GroovyThatStays.compileForm(typed, false, []).contains(compiled)

        where:
        typed                                  || compiled
        'def n = 2'                            || 'n = 2'
        'def f(i) {\n  i * 2\n}'               || 'f = { i ->\n  i * 2\n}'
        'int g(int a, int b) { a + b }'        || 'g = { int a, int b -> a + b }'
        "namespace 'a' {\n  def x = 1\n}"      || '  def x = 1'
    }
}
