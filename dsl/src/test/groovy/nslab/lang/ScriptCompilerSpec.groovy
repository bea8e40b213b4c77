package nslab.lang

import spock.lang.Specification

/** Scripts come from files and strings; the same text compiles once, so re-reading leaks no classes. */
class ScriptCompilerSpec extends Specification {

    def "the same text gives the same class; other text another"() {
        given:
        def compiler = new ScriptCompiler()

        expect:
        compiler.compile("namespace 'a'").is(compiler.compile("namespace 'a'"))
        !compiler.compile("namespace 'a'").is(compiler.compile("namespace 'b'"))
    }

    def "re-reading a file many times loads one class"() {
        given:
        def compiler = new ScriptCompiler()
        def loader = new LabLoader(compiler)
        def file = File.createTempFile('lab', '.groovy')
        file.text = "namespace 'a' { tap 't' }"

        when:
        def classes = (1..20).collect { loader.load(file.toPath()); compiler.compile(file.text) } as Set

        then:
        classes.size() == 1

        cleanup:
        file.delete()
    }

    def "chunks typed at a console read as one script sharing variables, with their own line numbers"() {
        when:
        def loaded = new LabLoader().load('session', [
                new LabLoader.Chunk('<console>', 1, "subnet = '10.0.1'"),
                new LabLoader.Chunk('<console>', 2, "namespace 'a' {\n  tap 't'\n  ip \"\${subnet}.1/24\"\n}"),
                new LabLoader.Chunk('<console>', 6, "namespace 'a' { mtu 1400 }")])
        def a = loaded.lab().namespace('a').get()

        then:
        loaded.ok()
        a.addresses()[0].text() == '10.0.1.1/24'
        a.addresses()[0].source().line() == 4
        a.iface('t').get().mtu() == 1400
        loaded.lab().line(a.addresses()[0].source()).contains('ip "${subnet}.1/24"')
    }

    def "a failing chunk reports its own line within the session"() {
        when:
        def loaded = new LabLoader().load('session', [
                new LabLoader.Chunk('<console>', 1, "namespace 'a'"),
                new LabLoader.Chunk('<console>', 2, "nmespace 'b'")])

        then:
        !loaded.ok()
        loaded.problems()[0].format().startsWith("<console>:2: error: unknown word 'nmespace'")
    }
}
