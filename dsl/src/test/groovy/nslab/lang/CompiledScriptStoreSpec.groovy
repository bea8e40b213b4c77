package nslab.lang

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Compiled lab scripts are kept on disk, so that the next nslab command on an unchanged script
 * does not start Groovy's compiler; what it loads must behave exactly like what it compiled.
 */
class CompiledScriptStoreSpec extends Specification {
    @TempDir Path dir

    static final String LAB = """\
        (1..3).each { i ->
            namespace("n\$i") { veth "v\$i" peer 'hub'; ip "10.0.0.\$i/24" }
        }
        namespace 'hub' { bridge 'br0' { port 'n1', 'n2' } }
        namespace 'hub' { veht 'x' }
        """.stripIndent()

    def "a second compiler loads the script from the store, and its errors keep their lines"() {
        given:
        def first = new ScriptCompiler(Optional.of(new CompiledScriptStore(dir, 'build-1')))
        def second = new ScriptCompiler(Optional.of(new CompiledScriptStore(dir, 'build-1')))

        when:
        def compiled = new LabLoader(first).load('lab.groovy', LAB)
        def loaded = new LabLoader(second).load('lab.groovy', LAB)

        then: 'the first compiled it and stored it; the second did not compile'
        first.compilations() == 1
        second.compilations() == 0
        Files.list(dir).count() == 1

        and: 'the same problem on the same line, from both'
        compiled.problems()*.toString() == loaded.problems()*.toString()
        loaded.problems().find { it.message().contains("'veht'") }.source().line() == 5
    }

    def "stored classes are Java 17 classes whatever Java compiled them, so every Java nslab runs on loads them"() {
        given:
        def store = new CompiledScriptStore(dir, 'build-1')

        when:
        new LabLoader(new ScriptCompiler(Optional.of(store))).load('lab.groovy', LAB)
        def classes = store.load(LAB).get()

        then: 'the class file version (bytes 6 and 7) is 61, Java 17'
        !classes.isEmpty()
        classes.values().every { byte[] b -> ((b[6] & 0xff) << 8 | (b[7] & 0xff)) == 61 }
    }

    def "a script without mistakes gives the same lab from the store"() {
        given:
        String text = LAB.readLines().take(4).join('\n')
        def store = new CompiledScriptStore(dir, 'build-1')

        when:
        def compiled = new LabLoader(new ScriptCompiler(Optional.of(store))).load('lab.groovy', text)
        def loaded = new LabLoader(new ScriptCompiler(Optional.of(store))).load('lab.groovy', text)

        then:
        compiled.lab() != null
        loaded.lab() == compiled.lab()
    }

    def "the store is not used when #why"() {
        given:
        def store = new CompiledScriptStore(dir, 'build-1')
        new ScriptCompiler(Optional.of(store)).compile("namespace 'a'")
        spoil(dir)
        def later = new ScriptCompiler(Optional.of(new CompiledScriptStore(dir, build)))

        when:
        Class<?> type = later.compile("namespace 'a'")

        then: 'it compiles again, and the class works'
        later.compilations() == 1
        new LabLoader(later).load('lab.groovy', "namespace 'a'").lab().namespaces()*.name().contains('a')
        type != null

        where:
        why                                 | build     | spoil
        'another build of nslab stored it'  | 'build-2' | { Path d -> }
        'the stored file is torn'           | 'build-1' | { Path d -> Files.list(d).each { Files.write(it, [0, 0, 0, 9, 1] as byte[]) } }
        'others may write the stored file'  | 'build-1' | { Path d -> Files.list(d).each { Files.setPosixFilePermissions(it, PosixFilePermissions.fromString('rw-rw-rw-')) } }
        'others may write the store folder' | 'build-1' | { Path d -> Files.setPosixFilePermissions(d, PosixFilePermissions.fromString('rwxrwxrwx')) }
    }

    def "a script with a syntax error is not stored"() {
        given:
        def compiler = new ScriptCompiler(Optional.of(new CompiledScriptStore(dir, 'build-1')))

        when:
        def loaded = new LabLoader(compiler).load('lab.groovy', "namespace 'a' {")

        then:
        loaded.problems()[0].message() == "this '{' is never closed"
        Files.list(dir).count() == 0
    }
}
