package nslab.engine

import java.nio.file.Path
import nslab.exec.Executor
import nslab.exec.ExecResult

/**
 * An executor for plan-level specs: it records every process it is asked to run and answers
 * like the kernel would in simple cases — {@code ip netns list} from {@link #namespaces}, root
 * links from {@link #hostLinks}; a batch whose input contains {@link #refuse} fails at that line
 * the way {@code ip -batch} reports it.
 */
class FakeExecutor implements Executor {
    List<Map> runs = []
    List<String> namespaces = []
    List<String> hostLinks = ['lo']
    String refuse
    String refusal = 'Error: Unknown device type.'

    @Override
    ExecResult run(List<String> argv, String stdin) {
        runs << [argv: argv, stdin: stdin]
        if (argv == ['ip', 'netns', 'list']) return new ExecResult(argv, 0, namespaces.join('\n'), '')
        if (argv == ['ip', '-o', 'link', 'show']) {
            int i = 0
            return new ExecResult(argv, 0, hostLinks.collect { "${++i}: $it: <UP> mtu 1500" }.join('\n'), '')
        }
        if (refuse && stdin) {
            def lines = stdin.readLines()
            int at = lines.findIndexOf { it.contains(refuse) }
            if (at >= 0 && argv.contains('-batch') && !argv.contains('-force')) {
                return new ExecResult(argv, 1, '', "$refusal\nCommand failed -:${at + 1}\n")
            }
        }
        new ExecResult(argv, 0, '', '')
    }

    @Override
    long start(List<String> argv, Path log, String mark) {
        runs << [argv: argv, stdin: null, background: true]
        4242
    }

    /** The processes that change something: all but the reads of the live state. */
    List<Map> changes() {
        runs.findAll { !(it.argv in [['ip', 'netns', 'list'], ['ip', '-o', 'link', 'show']]) && it.argv[0] != 'iptables-save' }
    }
}
