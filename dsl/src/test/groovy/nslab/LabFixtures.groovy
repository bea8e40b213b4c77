package nslab

import nslab.model.Lab
import nslab.plan.Plan

/** Compiles lab text for specs, failing loudly with the problems when it should compile and does not. */
class LabFixtures {
    static LabCompiler.Compiled compile(String text, String file = 'lab.groovy') {
        new LabCompiler().compile(file, text)
    }

    static Lab lab(String text) {
        def c = compile(text)
        assert c.ok(), c.problems*.format().join('\n')
        c.lab()
    }

    static Plan plan(String text) {
        def c = compile(text)
        assert c.ok(), c.problems*.format().join('\n')
        c.plan()
    }

    /** Every command of a plan as the shell would read it. */
    static List<String> commands(Plan plan) {
        plan.steps().collect { nslab.render.ShellQuoting.join(it.command().argv()) }
    }

    static File examples() {
        def dir = new File('examples')
        if (!dir.isDirectory()) dir = new File('../examples')
        assert dir.isDirectory()
        dir
    }
}
