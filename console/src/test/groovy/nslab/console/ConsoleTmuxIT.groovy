package nslab.console

import java.util.concurrent.TimeUnit
import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.Timeout

/**
 * The real thing: ./nslab --sandbox in tmux, a small lab typed at it, pingall and exec, and the
 * screen read back. Runs in Maven's integration-test phase, after the package phase has built the
 * jar that ./nslab starts.
 */
@Timeout(180)
@IgnoreIf({ ['tmux', 'unshare'].any { tool -> ['/usr/bin/', '/bin/'].every { !new File(it + tool).exists() } } })
class ConsoleTmuxIT extends Specification {
    String session = 'nslab-it-' + ProcessHandle.current().pid()
    File repo = new File(System.getProperty('user.dir')).parentFile
    // in a folder of its own: a console killed with its session may still save its history after
    // cleanup, and a file cannot be made again in a folder that is gone
    File historyDir = File.createTempDir('nslab-history', '')
    File history = new File(historyDir, 'history')

    def cleanup() {
        tmux('kill-session', '-t', session)
        historyDir.deleteDir()
    }

    def "a lab typed into ./nslab --sandbox under tmux answers pingall and exec"() {
        given:
        assert new File(repo, 'nslab').canExecute()
        tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50',
                "cd '${repo}' && NSLAB_HISTORY='${history}' NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' ./nslab --sandbox; echo NSLAB-ENDED; sleep 30")

        expect: 'the prompt'
        waitFor(~/(?m)^nslab> ?$/, 120)

        when:
        keys("namespace 'a'")
        keys("namespace 'b' {")
        keys("veth 'v0' peer 'a', name: 'v1'")
        keys("ip '10.0.0.2/24'")
        keys('}')
        keys("namespace 'a' { dev 'v1' { ip '10.0.0.1/24' } }")
        keys('apply')
        waitFor(~/lab console applied/, 30)
        keys('pingall')

        then:
        waitFor(~/Results: 0% dropped \(2\/2 received\)/, 30)
        screen() =~ /a -> b/
        screen() =~ /b -> a/

        when:
        keys('exec b ip -br addr show dev v0')

        then:
        waitFor(~/v0@\S+\s+UP\s+10\.0\.0\.2\/24/, 30)

        when: 'shell hands the terminal to a shell in the namespace; the console resumes when it exits'
        keys('shell a')
        keys('echo "IN-$(ip -br link show dev v1 | cut -d\' \' -f1)-DONE"')

        then:
        waitFor(~/IN-v1@\S+-DONE/, 30)

        when:
        keys('exit')
        keys('exec a echo BACK-IN-THE-CONSOLE')

        then:
        waitFor(~/(?m)^BACK-IN-THE-CONSOLE/, 30)

        when: 'the console leaves, and the sandbox with it'
        keys('exit')

        then:
        waitFor(~/NSLAB-ENDED/, 30)
        screen().contains('the sandbox and everything in it vanish now')
    }

    def "tutorial 003 typed in its own order into ./nslab --sandbox: entries wait, join, and client reaches server; def stays; save"() {
        given:
        File saved = new File(repo, 'console/target/tmux-saved-003.groovy')
        saved.delete()
        tmux('new-session', '-d', '-s', session, '-x', '200', '-y', '50',
                "cd '${repo}' && NSLAB_HISTORY='${history}' NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' ./nslab --sandbox console --live; echo NSLAB-ENDED; sleep 30")
        waitFor(~/(?m)^nslab live> ?$/, 120)

        when: 'server and client name the gateway before it is typed'
        keys("def gw = 'gateway'")
        keys("namespace 'server' { veth 'svr-veth' peer gw, name: 'svrgw-veth'; ip '192.168.100.1/24'; gateway '192.168.100.254' }")
        keys("namespace 'client' { veth 'cli-veth' peer gw, name: 'cligw-veth'; ip '10.0.100.1/24'; gateway '10.0.100.254' }")

        then:
        waitFor(~/<console>:3 waits for namespace 'gateway'/, 30)

        when:
        keys("namespace 'gateway' {")
        keys('forward true')
        keys("dev 'svrgw-veth' { ip '192.168.100.254/24' }")
        keys("dev 'cligw-veth' { ip '10.0.100.254/24' }")
        keys('}')

        then:
        waitFor(~/<console>:3 joined the lab/, 30)

        when:
        keys('client ping -c1 server')

        then:
        waitFor(~/1 packets transmitted, 1 received/, 30)

        when:
        keys("gateway ip -br addr show dev svrgw-veth")
        keys("save ${saved}")

        then:
        waitFor(~/svrgw-veth@\S+\s+UP\s+192\.168\.100\.254\/24/, 30)
        waitFor(~/saved lab console to /, 30)
        saved.text.contains("namespace 'gateway' {")

        when:
        keys('exit')

        then:
        waitFor(~/NSLAB-ENDED/, 30)

        cleanup:
        saved.delete()
    }

    def "./nslab --sandbox has a PID namespace of its own: the console keeps its terminal after shell, Ctrl-C stops only the command, a run process ends with the sandbox"() {
        given: 'a sleep no one else runs'
        String sleep = "sleep 8${ProcessHandle.current().pid()}"
        tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50',
                "cd '${repo}' && NSLAB_HISTORY='${history}' NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' ./nslab --sandbox console --live; echo NSLAB-ENDED; sleep 30")
        waitFor(~/(?m)^nslab live> ?$/, 120)

        when: 'a run line starts it'
        keys("namespace 'a' { run '${sleep}' }")

        then: 'the machine sees it run'
        waitForHost { hostProcesses(sleep).size() == 1 }

        when: 'a shell in the namespace looks at the first process of its PID namespace'
        keys('shell a')
        keys('echo "FIRST-$(cat /proc/1/comm)-END"')

        then: "the sandbox's own sh, through a /proc of the sandbox's own"
        waitFor(~/FIRST-sh-END/, 30)

        when: 'the shell exits'
        keys('exit')
        keys('exec a echo BACK-IN-THE-CONSOLE')

        then: 'the console has its terminal back'
        waitFor(~/(?m)^BACK-IN-THE-CONSOLE/, 30)

        when: 'Ctrl-C while a command runs'
        keys('exec a sleep 60')
        Thread.sleep(1000)
        tmux('send-keys', '-t', session, 'C-c')
        waitFor(~/(?m): stopped\s*\nnslab live> ?$/, 30)
        // a key typed in the instant between this prompt and JLine's raw mode can be lost (a known
        // type-ahead gap, not what this spec is about): type once the console reads again
        Thread.sleep(500)
        keys('exec a echo AFTER-CTRL-C')

        then: 'the command stops, the console goes on'
        waitFor(~/(?m)^AFTER-CTRL-C/, 30)

        when: 'the console leaves'
        keys('exit')
        waitFor(~/NSLAB-ENDED/, 30)
        List<String> left = hostProcesses(sleep)

        then: 'the run process has ended with the sandbox'
        left == []

        cleanup:
        left?.each { ['kill', '-9', it.split(' ')[0]].execute().waitFor() }
    }

    /** Processes on this machine whose whole command line is {@code commandLine}, as "PID COMMAND LINE". */
    private static List<String> hostProcesses(String commandLine) {
        ['pgrep', '-a', '-f', '-x', commandLine].execute().text.readLines()
    }

    private static boolean waitForHost(Closure<Boolean> condition) {
        long end = System.currentTimeMillis() + 30000
        while (!condition()) {
            if (System.currentTimeMillis() > end) throw new AssertionError('the machine never showed it')
            Thread.sleep(200)
        }
        true
    }

    def "completion under tmux: after peer ' the namespaces, after dev ' that namespace's interfaces, on a continuation line no list until Tab"() {
        given:
        tmux('new-session', '-d', '-s', session, '-x', '160', '-y', '50',
                "cd '${repo}' && NSLAB_HISTORY='${history}' NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' ./nslab --sandbox; echo NSLAB-ENDED; sleep 30")
        waitFor(~/(?m)^nslab> ?$/, 120)
        keys("namespace 'gw'")
        keys("namespace 'pc' { veth 'eth0' peer 'gw', name: 'down0'; veth 'eth1' peer 'gw', name: 'down1' }")

        when: 'Tab after peer \''
        type("namespace 'pc' { veth 'x' peer '")
        tab()

        then: 'the namespaces, and no lab word'
        waitFor(~/(?s)peer '\s*\nnamespaces\s*\n.*gw/, 30)
        listed(~/peer '$/) == [namespaces: ['gw', 'host', 'pc']]

        when: 'on a continuation line, typing shows no list'
        tmux('send-keys', '-t', session, 'C-c') // closes the list
        Thread.sleep(300)
        tmux('send-keys', '-t', session, 'C-c') // drops the line
        Thread.sleep(300)
        keys("namespace 'pc' {")
        type('v')
        Thread.sleep(1500)

        then:
        listed(~/\.\.>\s+v$/) == [:]

        when: 'Tab lists the words of a namespace body that begin so, nothing of the top level or expect'
        tab()

        then:
        waitFor(~/(?s)\.\.>\s+v\s*\nlab words.*vxlan/, 30)
        listed(~/\.\.>\s+v$/) == ['lab words': ['veth', 'vlan', 'vxlan']]

        when: "Tab after dev ' on the next continuation line"
        tmux('send-keys', '-t', session, 'BSpace')
        keys('')
        type("dev '")
        tab()

        then: "pc's interfaces only (Tab has written what they share)"
        waitFor(~/(?s)dev 'eth\s*\ninterfaces\s*\n.*eth1/, 30)
        listed(~/dev 'eth$/) == [interfaces: ['eth0', 'eth1']]
    }

    private void type(String text) {
        tmux('send-keys', '-t', session, '-l', text)
        Thread.sleep(300)
    }

    private void tab() {
        tmux('send-keys', '-t', session, 'Tab')
        Thread.sleep(500)
    }

    /**
     * What the console listed under the last line that {@code typed} finds: each group's heading
     * with its candidates (sorted), read from JLine's list until the first line that is not part of
     * it (the tail tip's description, a blank line).
     */
    private Map<String, List<String>> listed(java.util.regex.Pattern typed) {
        List<String> lines = screen().readLines()
        int at = lines.findLastIndexOf { it.trim() =~ typed }
        Map<String, List<String>> groups = [:]
        String group = null
        for (String line : lines.drop(at + 1)) {
            if (line.trim() in ['namespaces', 'interfaces', 'lab words']) {
                group = line.trim()
                groups[group] = []
            } else if (group != null && line =~ /^\S+\s+\(/) { // a candidate with its description
                groups[group] << line.split(/\s+/)[0]
            } else if (group != null && line.trim() && !line.contains('(') && !line.contains("'")) { // a row of candidates
                groups[group].addAll(line.trim().split(/\s+/))
            } else {
                group = null
            }
        }
        groups.collectEntries { k, v -> [k, v.sort()] }
    }

    private void keys(String line) {
        tmux('send-keys', '-t', session, '-l', line)
        tmux('send-keys', '-t', session, 'Enter')
        Thread.sleep(300)
    }

    private String screen() {
        tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', session)
    }

    private boolean waitFor(java.util.regex.Pattern pattern, int seconds) {
        long end = System.currentTimeMillis() + seconds * 1000L
        while (System.currentTimeMillis() < end) {
            if (screen() =~ pattern) return true
            Thread.sleep(200)
        }
        throw new AssertionError("tmux never showed /${pattern}/; the screen:\n" + screen())
    }

    private static String tmux(String... args) {
        def p = new ProcessBuilder(['tmux'] + args.toList()).redirectErrorStream(true).start()
        String out = p.inputStream.text
        p.waitFor(10, TimeUnit.SECONDS)
        out
    }
}
