package nslab.cli

import nslab.imports.ShellImporter
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What a user sees of each lab's plan stays byte for byte as it is held in
 * src/test/resources/golden: `nslab plan`, `nslab explain` and `nslab plan --json` of every
 * example, of the executor comparison's lab, of the seed tutorials as `import` translates them,
 * and of golden/labs/every-kind.groovy (the kinds of step the others leave out).
 * <p>
 * To write the files again from the code as it is (after a change meant to change what users
 * see): {@code mvn -pl console -am verify -Dtest=GoldenPlansSpec -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false -DskipITs}, then read the diff before committing.
 */
class GoldenPlansSpec extends Specification implements InProcessCli {
    static final File GOLDEN = new File('src/test/resources/golden')
    static final boolean UPDATE = Boolean.getBoolean('golden.update')

    @Shared @TempDir File dir

    def "#verb of #lab is what golden/#expected holds"() {
        given:
        def file = labFile(lab)

        when:
        def r = run(*verb.split(' '), file.path)
        def actual = r.out.replace(dir.path, '<dir>')
        def golden = new File(GOLDEN, expected)
        if (UPDATE) {
            golden.parentFile.mkdirs()
            golden.text = actual
        }

        then:
        r.exit == 0
        !r.err.contains('error')
        golden.isFile()
        difference(golden.text, actual) == null

        where:
        [lab, verb] << [labs(), ['plan', 'explain', 'plan --json']].combinations()
        expected = "${lab.replaceAll('.*[/:]', '').replaceAll('\\.(groovy|sh)$', '')}.${verb == 'plan' ? 'plan.sh' : verb == 'explain' ? 'explain.txt' : 'plan.json'}"
    }

    def "the golden files cover every example and every tutorial"() {
        expect:
        labs().count { it.startsWith('../examples/') } == new File('../examples').list().count { it.endsWith('.groovy') }
        labs().count { it.startsWith('tutorial:') } == new File(TUTORIALS).list().count { it.endsWith('.sh') }
        labs().size() >= 6
    }

    static final String TUTORIALS = '../engine/src/test/resources/tutorials'

    static List<String> labs() {
        def examples = new File('../examples').listFiles().findAll { it.name.endsWith('.groovy') }*.name.sort()
        def tutorials = new File(TUTORIALS).list().findAll { it.endsWith('.sh') }.sort()
        examples.collect { "../examples/$it".toString() } +
                ['../engine/src/test/resources/nslab/netlink/dualstack.groovy', 'src/test/resources/golden/labs/every-kind.groovy'] +
                tutorials.collect { "tutorial:$it".toString() }
    }

    /** The lab's file: as it is, or a tutorial as `import` writes it. */
    File labFile(String lab) {
        if (!lab.startsWith('tutorial:')) return new File(lab)
        def name = lab.substring('tutorial:'.length())
        def imported = ShellImporter.importText(new File(TUTORIALS, name).text, name, ShellImporter.labNameOf(name))
        def file = new File(dir, name.replace('.sh', '.groovy'))
        file.text = imported.lab()
        file
    }

    /** Null when equal, else the first line that differs, with both versions. */
    static String difference(String want, String got) {
        if (want == got) return null
        def w = want.readLines()
        def g = got.readLines()
        for (int i = 0; i < Math.max(w.size(), g.size()); i++) {
            if (w[i] != g[i]) return "line ${i + 1}:\n- ${w[i]}\n+ ${g[i]}".toString()
        }
        "they differ only in line ends"
    }
}
