package nslab.cli

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Path

/**
 * {@code nslab completion bash}: the script is sourced in a real bash and its completion function
 * is asked as bash asks it at TAB (COMP_WORDS, COMP_CWORD, COMP_LINE), in a sandbox where a lab
 * was applied for real, so that its journal is the one destroy and status offer.
 */
class ShellCompletionSpec extends Specification implements InProcessCli {
    @TempDir Path dir

    /** Sources the script and prints what TAB offers after {@code line} (words split on blanks). */
    static String tab(String scriptPath, String line) {
        def words = line.split(/ /, -1).collect { "'" + it + "'" }.join(' ')
        """bash -c '
source "$scriptPath"
COMP_LINE="\$0"; COMP_POINT=\${#COMP_LINE}; COMP_WORDS=(\$1); COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
[ "\${COMP_LINE% }" != "\$COMP_LINE" ] && { COMP_WORDS+=(""); COMP_CWORD=\$((COMP_CWORD + 1)); }
_nslab_complete nslab "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf "%s\\n" "\${COMPREPLY[@]}" | sort
' '$line' '${line.trim()}'
"""
    }

    def "the script completes verbs, options, lab files and the names of live labs"() {
        given: 'a lab applied in a sandbox, and another lab script beside it'
        def script = dir.resolve('nslab.bash').toFile()
        def r = run('completion', 'bash')
        script.text = r.out
        def labs = dir.resolve('labs').toFile()
        labs.mkdirs()
        new File(labs, 'pair.groovy').text = "lab 'pair-lab'\nnamespace 'a' { veth 'v0' peer 'b'; ip '10.9.0.1/24' }\nnamespace 'b'\n"
        new File(labs, 'notes.txt').text = 'not a lab'
        new File(labs, 'other.groovy').text = "namespace 'c'\n"

        def asked = [ap: 'nslab ap', destroy: 'nslab destroy ', 'destroy p': 'nslab destroy p', apply: 'nslab apply ',
                     format: 'nslab graph --format ', 'destroy --f': 'nslab destroy --f', 'trace second': 'nslab trace pair.groovy ']

        when:
        def sandbox = TraceSandbox.run("cd '$labs'\nnslab apply pair.groovy\n"
                + asked.collect { name, line -> "echo '=== $name'\n${tab(script.path, line)}" }.join('\n'))

        then:
        r.exit == 0
        sandbox.exit == 0
        sandbox.section('ap') == 'apply'
        sandbox.section('destroy').readLines() == ['other.groovy', 'pair-lab', 'pair.groovy']
        sandbox.section('destroy p').readLines() == ['pair-lab', 'pair.groovy']
        sandbox.section('apply').readLines() == ['other.groovy', 'pair.groovy']
        sandbox.section('format').readLines() == ['dot', 'mermaid', 'png', 'svg', 'text']
        sandbox.section('destroy --f') == '--force'
        sandbox.section('trace second') == ''
    }

    def "zsh gets the same script, which loads bash completion into zsh"() {
        expect:
        run('completion', 'zsh').out == run('completion', 'bash').out
        run('completion', 'zsh').out.contains('bashcompinit')
    }

    def "a shell nslab does not know is a usage error"() {
        when:
        def r = run('completion', 'fish')

        then:
        r.exit == 2
        r.err.contains('fish')
    }
}
