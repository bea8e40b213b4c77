package nslab.cli

import spock.lang.IgnoreIf
import spock.lang.Specification

/**
 * The man pages the build made (package phase: picocli's generator, then Asciidoctor) beside the
 * jar, read with man-db's {@code man -l} as a user reads them. Runs in the integration-test phase,
 * after package.
 */
@IgnoreIf({ !new File('/usr/bin/man').exists() })
class ManPageIT extends Specification {
    static final File MAN1 = new File('target/man/man1')

    static Map man(File page) {
        def pb = new ProcessBuilder('man', '-l', page.path)
        pb.environment().putAll([MANPAGER: 'cat', PAGER: 'cat', MANWIDTH: '100', LANG: 'C.UTF-8'])
        def p = pb.start()
        def out = new StringBuilder(), err = new StringBuilder()
        p.waitForProcessOutput(out, err)
        [exit: p.exitValue(), out: out.toString(), err: err.toString()]
    }

    def "nslab(1) names every command of the program, with its global options and exit statuses"() {
        when:
        def r = man(new File(MAN1, 'nslab.1'))
        def commands = Main.commandLine().subcommands.keySet()

        then:
        r.exit == 0
        r.err.isEmpty()
        r.out.startsWith('NSLAB(1)')
        commands.size() >= 11
        commands.every { r.out =~ /(?m)^ {7}$it$/ }
        ['--sandbox', '--executor=ip|netlink', '--script-timeout=SECONDS'].every { r.out.contains(it) }
        r.out.contains('an expectation failed')
    }

    def "each command has its page, with its own options: #command"() {
        when:
        def r = man(new File(MAN1, "nslab-${command}.1"))

        then:
        r.exit == 0
        r.err.isEmpty()
        r.out.startsWith("NSLAB-${command.toUpperCase()}(1)")
        r.out.contains("nslab $command ")
        r.out.contains(option)

        where:
        command   || option
        'apply'   || '--no-check'
        'destroy' || '--force'
        'graph'   || '--format'
        'status'  || '--json'
        'import'  || '--output'
    }
}
