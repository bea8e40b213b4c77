package nslab.cli

import java.util.concurrent.TimeUnit
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * An apply of 1500 namespaces by the real ./nslab --sandbox under tmux (long enough for the line,
 * which waits a second before it shows): its progress line is on the screen while it runs (steps
 * done of the plan's, the phase) and gone when it has finished; with the output piped, no line is
 * drawn and none gets into the output. Runs in Maven's
 * integration-test phase, after package has built the jar that ./nslab starts.
 */
@Timeout(300)
@IgnoreIf({ ['tmux', 'unshare'].any { tool -> ['/usr/bin/', '/bin/'].every { !new File(it + tool).exists() } } })
class ProgressTmuxIT extends Specification {
    static final PROGRESS = ~/apply  \[[#.]{24}\]  (\d+)\/(\d+) steps  (\S.*?)  \d+\.\d s/

    String session = 'nslab-progress-' + ProcessHandle.current().pid()
    File repo = new File(System.getProperty('user.dir')).parentFile
    File dir = File.createTempDir('nslab-progress', '')
    File lab = new File(dir, 'many.groovy')

    def setup() {
        lab.text = '''lab 'many'
namespace 'hub' { forward true }
(1..1500).each { i ->
    namespace "n$i" {
        veth "v$i" peer 'hub', name: "h$i"
        ip "10.${i.intdiv(200)}.${i % 200}.1/31"
    }
}
'''
    }

    def cleanup() {
        tmux('kill-session', '-t', session)
        dir.deleteDir()
    }

    def "a 1500-namespace apply shows steps done, total and phase on the terminal, and clears the line"() {
        when:
        start("./nslab --sandbox apply --no-check '$lab'; echo NSLAB-ENDED-\$?")
        def seen = watch()

        then: 'the line was seen, counting up to the plan of 1500 namespaces and their cables'
        !seen.lines.isEmpty()
        seen.lines.every { it.total == seen.lines[0].total && it.total > 6000 && it.done <= it.total }
        seen.lines*.done == seen.lines*.done.sort()
        seen.lines.any { it.done > 0 }
        seen.lines.any { it.phase.split(', ').any { it in ['namespaces', 'devices', 'addresses', 'links up'] } }

        and: 'the apply ended well, and the finished screen has no progress line left'
        seen.screen.contains("lab many applied: ${seen.lines[0].total} commands")
        seen.screen.contains('NSLAB-ENDED-0')
        !(seen.screen =~ PROGRESS)
    }

    def "with the output piped, no progress line is drawn or written"() {
        given:
        def out = new File(dir, 'out.txt')

        when:
        start("./nslab --sandbox apply --no-check '$lab' | cat > '$out'; echo NSLAB-ENDED-\$?")
        def seen = watch()

        then:
        seen.screen.contains('NSLAB-ENDED-0')
        seen.lines.isEmpty()
        out.text.contains('lab many applied:')
        !out.text.contains('steps')
        !out.text.contains('\u001b')
    }

    private void start(String command) {
        tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '40',
                "cd '${repo}' && NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' $command; sleep 120")
    }

    /** Reads the screen every 50 ms until the command has ended: the progress lines seen, and the last screen. */
    private Map watch() {
        List<Map> lines = []
        String screen = ''
        long end = System.currentTimeMillis() + 240_000
        while (System.currentTimeMillis() < end) {
            screen = tmux('capture-pane', '-p', '-t', session)
            def m = screen =~ PROGRESS
            if (m.find()) lines << [done: m.group(1) as int, total: m.group(2) as int, phase: m.group(3)]
            if (screen.contains('NSLAB-ENDED-')) break
            Thread.sleep(50)
        }
        [lines: lines, screen: screen]
    }

    private static String tmux(String... args) {
        def p = new ProcessBuilder(['tmux'] + args.toList()).redirectErrorStream(true).start()
        String out = p.inputStream.text
        p.waitFor(10, TimeUnit.SECONDS)
        out
    }
}
