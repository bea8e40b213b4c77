package nslab.report

import java.lang.reflect.Modifier
import nslab.LabCompiler
import nslab.command.ExitCodes
import spock.lang.Specification

/**
 * docs/reference.md says what the code does: every exit status, every environment variable the
 * code reads, every field of the plan document, and nothing that is not there. (The documents
 * that need a live lab are held to the page by {@code JsonAndJUnitKernelSpec}.)
 */
class ReferencePageSpec extends Specification {
    static final List<File> SOURCES = ['dsl', 'engine', 'console'].collect { new File("../$it/src/main/java") }
    static final File LAUNCHER = new File('../nslab')

    def "the exit table lists every status of ExitCodes and of a stopping signal, and no other"() {
        given:
        def codes = ExitCodes.declaredFields.findAll { Modifier.isStatic(it.modifiers) && it.type == int }.collect { it.getInt(null) }
        def signals = [2, 15].collect { 128 + it } // SIGINT, SIGTERM: an apply stopped by one exits 128 + its number

        expect:
        codes.size() >= 5
        ReferencePage.exitStatuses() as Set == (codes + signals) as Set
    }

    def "every environment variable the code or the launcher reads or sets is on the page, and the page names no other"() {
        given:
        Set<String> inCode = []
        SOURCES.each { dir ->
            dir.eachFileRecurse { f ->
                if (!f.name.endsWith('.java')) return
                def text = f.text
                (text =~ /getenv\("([A-Z_]+)"\)/).each { inCode << it[1] }
                (text =~ /getenv\(\)\.get(?:OrDefault)?\("([A-Z_]+)"/).each { inCode << it[1] }
                (text =~ /\benv\.get(?:OrDefault)?\("([A-Z_]+)"/).each { inCode << it[1] } // Settings, which reads them all
                (text =~ /"(NSLAB_[A-Z_]+)"/).each { inCode << it[1] }
            }
        }
        (LAUNCHER.text =~ /\$\{?(NSLAB_[A-Z_]+)/).each { inCode << it[1] }

        expect:
        inCode.containsAll(['NSLAB_EXECUTOR', 'NSLAB_SCRIPT_TIMEOUT', 'NSLAB_TIMING', 'NSLAB_HISTORY', 'NSLAB_CACHE_DIR', 'NSLAB_CLASSPATH'])
        inCode - ReferencePage.variables() == [] as Set
        ReferencePage.variables() - inCode == [] as Set
    }

    def "the plan document of every example has exactly the fields the page lists for nslab.plan/1"() {
        given:
        Set<String> written = []
        Set<Set<String>> sources = []
        new File('../examples').listFiles().findAll { it.name.endsWith('.groovy') }.each { f ->
            def compiled = new LabCompiler().compile(f.toPath())
            assert compiled.ok()
            def plan = JsonShapes.plan(compiled.plan())
            written.addAll(ReferencePage.paths(plan))
            sources.addAll((plan.steps + plan.expectations)*.source*.keySet())
        }

        expect:
        sources == [['file', 'line'] as Set] as Set
        ReferencePage.FILE.text.contains('an object `{"file": "lab.groovy", "line": 7}`')
        written - ReferencePage.fields('nslab.plan/1') == [] as Set
        ReferencePage.fields('nslab.plan/1') - written == [] as Set
    }

    def "the page has a section for the #kind document, named as the document names itself"() {
        expect:
        ReferencePage.fields(JsonShapes.format(kind)).contains('format')

        where:
        kind << ['plan', 'status', 'check', 'apply', 'trace']
    }
}
