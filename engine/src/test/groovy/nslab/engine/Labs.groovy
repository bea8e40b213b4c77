package nslab.engine

import nslab.LabCompiler
import nslab.plan.Plan

/** Lab text to plans, failing loudly when the text does not compile. */
class Labs {
    static Plan plan(String text) {
        def c = new LabCompiler().compile('lab.groovy', text)
        assert c.ok(), c.problems()*.format().join('\n')
        c.plan()
    }

    static String chain(int n) {
        def sb = new StringBuilder("lab 'chain'\n")
        (1..<n).each { i ->
            sb << "namespace 'n$i' { veth 'r$i' peer 'n${i + 1}', name: 'l$i'; ip '10.${i >> 8}.${i & 255}.1/24' }\n"
            sb << "namespace 'n${i + 1}' { dev 'l$i' { ip '10.${i >> 8}.${i & 255}.2/24' } }\n"
        }
        sb.toString()
    }
}
