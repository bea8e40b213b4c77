package nslab.lang

import spock.lang.Specification

/**
 * Every word knows the line it was written on, however the script is laid out: compiled scripts
 * mark each statement's line as they reach it, and a block gives its caller's line back when it
 * ends.
 */
class ScriptLinesSpec extends Specification {

    def "the address in '#layout' is on line #line"() {
        when:
        def loaded = new LabLoader(new ScriptCompiler()).load('lines.groovy', text)
        def address = loaded.lab().namespaces().collectMany { it.addresses() }.find { it.text() == '10.0.0.9/24' }

        then:
        loaded.ok()
        address.source().file() == 'lines.groovy'
        address.source().line() == line

        where:
        layout                         | text                                                                            || line
        'one line'                     | "namespace 'a' { tap 't'; ip '10.0.0.9/24' }"                                    || 1
        'a block of its own'           | "namespace 'a' {\n  tap 't'\n  ip '10.0.0.9/24'\n}"                              || 3
        'after a nested block'         | "namespace 'a' {\n  tap 't' {\n    mtu 1400\n  }\n  ip '10.0.0.9/24'\n}"         || 5
        'an if without braces'         | "def x = true\nnamespace('a') {\n  tap 't'\n  if (x)\n    ip '10.0.0.9/24'\n}"    || 5
        'an else-if without braces'    | "def x = 2\nnamespace('a') {\n  tap 't'\n  if (x == 1) ip '10.0.0.1/24'\n  else if (x == 2)\n    ip '10.0.0.9/24'\n}" || 6
        'a for loop without braces'    | "namespace('a') {\n  tap 't'\n  for (i in [9])\n    ip \"10.0.0.\$i/24\"\n}"     || 4
        'a while loop without braces'  | "namespace('a') {\n  tap 't'\n  int i = 9\n  while (i < 10)\n    ip \"10.0.0.\${i++}/24\"\n}" || 5
        'a closure of each'            | "namespace('a') {\n  tap 't'\n  [9].each { i ->\n\n    ip \"10.0.0.\$i/24\"\n  }\n}" || 5
        'a method of the script'       | "def put(ns) {\n  ns.ip '10.0.0.9/24'\n}\nnamespace('a') {\n  tap 't'\n  put(delegate)\n}" || 2
    }

    def "a namespace written after a block on the same statement's line keeps its own line"() {
        when:
        def loaded = new LabLoader(new ScriptCompiler()).load('lines.groovy', "namespace('a') {\n  tap 't'\n}\n\nnamespace 'b'")

        then:
        loaded.lab().namespace('a').get().source().line() == 1
        loaded.lab().namespace('b').get().source().line() == 5
    }

    def "compiled scripts carry the marks (a word reads its line instead of walking the stack)"() {
        given:
        def compiler = new ScriptCompiler()

        when:
        def script = compiler.compile("namespace('a') {\n  tap 't'\n}")
        byte[] bytes = script.classLoader.@classes[script.name]

        then:
        new String(bytes, 'ISO-8859-1').contains('nslab/lang/ScriptLines')
    }
}
