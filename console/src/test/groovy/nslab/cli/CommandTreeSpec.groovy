package nslab.cli

import nslab.command.ApplyCommand
import nslab.command.DestroyCommand
import nslab.command.PlanCommand
import spock.lang.Specification

/** A run builds the commands its arguments need: the root, and the one subcommand they name. */
class CommandTreeSpec extends Specification implements InProcessCli {

    def "nslab #args builds #expected"() {
        expect:
        CommandTree.needed(args as String[]).map { it*.simpleName }.orElse(['(all)']) == expected

        where:
        args                                       || expected
        []                                         || []
        ['--sandbox']                              || []
        ['--version']                              || []
        ['apply', 'lab.groovy']                    || [ApplyCommand.simpleName]
        ['--executor', 'ip', 'destroy', 'lab']     || [DestroyCommand.simpleName]
        ['--executor=ip', '-v', 'plan', 'x']       || [PlanCommand.simpleName]
        ['console']                                || [ConsoleCommand.simpleName]
        ['--help']                                 || ['(all)']
        ['aply', 'lab.groovy']                     || ['(all)']
        ['completion', 'bash']                     || ['(all)']
    }

    def "#verb says the same through its own tree as through the whole one"() {
        given:
        def file = new File('../examples/veth-pairs.groovy').canonicalPath

        expect: 'on a lab (only verbs that change nothing: this is the machine itself)'
        !readsOnly || run(verb, file) == whole(verb, file)

        and:
        run(verb, '--help') == whole(verb, '--help')

        where:
        verb      | readsOnly
        'plan'    | true
        'explain' | true
        'graph'   | true
        'apply'   | false
        'destroy' | false
        'status'  | false
        'check'   | false
        'trace'   | false
        'import'  | false
    }

    def "a mistyped verb is still answered with the verbs it may have meant"() {
        expect:
        run('aply', 'lab.groovy').err.contains('Did you mean: nslab apply')
    }

    Map whole(String... args) {
        runOn(Main.commandLine(), args)
    }
}
