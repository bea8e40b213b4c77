package nslab.cli

import spock.lang.Specification

/**
 * Labs are known by their script's path: a script that shares a base name (or a lab line) with
 * another script's live lab is not that lab; a lab named alone is found when the name says one
 * lab, and an ambiguous name lists the candidates. Each case runs inside a sandbox.
 */
class LabByPathKernelSpec extends Specification {

    static File twoScripts(String first, String second) {
        def dir = File.createTempDir('nslab-bypath', '')
        dir.deleteOnExit()
        ['o1': first, 'o2': second].each { sub, text ->
            def d = new File(dir, sub)
            d.mkdirs()
            d.deleteOnExit()
            def f = new File(d, 'lab.groovy')
            f.text = text
            f.deleteOnExit()
        }
        dir
    }

    def "destroy o1/lab.groovy does not destroy the lab of o2/lab.groovy"() {
        given:
        def dir = twoScripts("namespace 'one'\n", "namespace 'two'\n")

        when:
        def r = TraceSandbox.run("""
cd ${dir.absolutePath}
nslab apply o2/lab.groovy >/dev/null
nslab destroy o1/lab.groovy
echo "=== namespaces"; ip netns list
nslab destroy o2/lab.groovy >/dev/null; echo "=== o2 destroyed \$?"
""")

        then: 'destroy of the script whose lab is not live is refused, naming the other script'
        r.out.contains('=== exit 2')
        r.err.contains('no lab of o1/lab.groovy is live here; lab lab is live, applied from another script')
        r.err.contains("${dir.absolutePath}/o2/lab.groovy")

        and: "o2's lab is untouched, and its own script destroys it"
        r.section('namespaces').contains('two')
        r.out.contains('=== o2 destroyed 0')
    }

    def "a lab is found by its script's path even when the script is gone, and by its name alone"() {
        given:
        def dir = twoScripts("lab 'alpha'\nnamespace 'one'\n", "lab 'beta'\nnamespace 'two'\n")

        when:
        def r = TraceSandbox.run("""
cd ${dir.absolutePath}
nslab apply o1/lab.groovy >/dev/null
nslab apply o2/lab.groovy >/dev/null
echo "=== ambiguous"; nslab destroy lab
mv o1/lab.groovy o1/moved.groovy
echo "=== by path"; nslab destroy o1/lab.groovy
echo "=== by name"; nslab destroy beta
echo "=== namespaces"; ip netns list
mv o1/moved.groovy o1/lab.groovy
""")

        then: "'lab' is the base name of both scripts: both labs are listed, nothing destroyed"
        r.out.contains('=== ambiguous\n=== exit 2')
        r.err.contains('lab could be any of these live labs: alpha (' + dir.absolutePath + '/o1/lab.groovy), beta ('
                + dir.absolutePath + '/o2/lab.groovy)')

        and: 'the path of a script that is gone still names its lab; the name alone names the other'
        r.out =~ /=== by path\n[^=]*=== exit 0/
        r.out =~ /=== by name\n[^=]*=== exit 0/
        r.section('namespaces').trim().empty
    }
}
