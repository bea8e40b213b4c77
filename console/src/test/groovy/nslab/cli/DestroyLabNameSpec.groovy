package nslab.cli

import nslab.engine.Engine
import nslab.engine.ProcessExecutor
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Path

/**
 * {@code destroy LAB.groovy} finds the lab without running the script: a script that exits the
 * program, loops forever or takes seconds to compile is only read.
 */
class DestroyLabNameSpec extends Specification {
    @TempDir Path dir

    @Timeout(20)
    def "a script that #does is not run; its lab line names the lab"() {
        given:
        def script = dir.resolve('any.groovy').toFile()
        script.text = "lab 'named'\n$body\nnamespace 'a'\n"
        def engine = new Engine(new ProcessExecutor(), dir.resolve('run'), null)

        expect: 'the JVM running this spec is still here, and the name is the lab line'
        LabArguments.labName(script.path, engine) == 'named'

        where:
        does                   || body
        'exits the program'    || 'System.exit(0)'
        'loops forever'        || 'while (true) { }'
    }

    def "a script without a lab line: the file's base name, the default lab name"() {
        given:
        def script = dir.resolve('mylab.groovy').toFile()
        script.text = "namespace 'a'\n"

        expect:
        LabArguments.labName(script.path, new Engine(new ProcessExecutor(), dir.resolve('run'), null)) == 'mylab'
    }
}
