package nslab.console

import java.util.concurrent.TimeUnit
import java.util.regex.Pattern

/**
 * ./nslab in a tmux session of its own, for the *IT specs: keys typed as a user types them, the
 * screen read back. The session has a name no other run uses, and {@link #close} removes it with
 * the history file the console wrote.
 */
class TmuxConsole implements Closeable {
    final String session
    final File repo = new File(System.getProperty('user.dir')).parentFile
    // in a folder of its own: a console killed with its session may still save its history after
    // close, and a file cannot be made again in a folder that is gone
    final File historyDir = File.createTempDir('nslab-history', '')

    TmuxConsole(String name) {
        session = 'nslab-it-' + name + '-' + ProcessHandle.current().pid()
    }

    /** Starts {@code ./nslab ARGS} in the repository; the pane stays a while after it ends, to be read. */
    TmuxConsole start(String args, int width = 200) {
        tmux('new-session', '-d', '-s', session, '-x', String.valueOf(width), '-y', '50',
                "cd '${repo}' && NSLAB_HISTORY='${new File(historyDir, 'history')}' NSLAB_CACHE_DIR='${System.getenv('NSLAB_CACHE_DIR') ?: 'off'}' ./nslab ${args}; echo NSLAB-ENDED; sleep 30")
        this
    }

    /** Types a line and Enter. */
    void keys(String line) {
        tmux('send-keys', '-t', session, '-l', line)
        tmux('send-keys', '-t', session, 'Enter')
        Thread.sleep(300)
    }

    /** Types a line and waits until the console prompts again ({@code prompt}: how its lines begin). */
    void enter(String line, Pattern prompt, int seconds = 60) {
        int before = count(prompt)
        keys(line)
        long end = System.currentTimeMillis() + seconds * 1000L
        while (count(prompt) <= before) {
            if (System.currentTimeMillis() > end) throw new AssertionError("no prompt after '${line}'; the screen:\n" + screen())
            Thread.sleep(100)
        }
    }

    /** Presses keys by tmux's names (C-u, Tab, Enter). */
    void press(String... names) {
        tmux(['send-keys', '-t', session, *names] as String[])
        Thread.sleep(300)
    }

    String screen() {
        tmux('capture-pane', '-p', '-J', '-S', '-2000', '-t', session)
    }

    /** Waits for the pattern on the screen; the match. */
    java.util.regex.Matcher waitFor(Pattern pattern, int seconds) {
        long end = System.currentTimeMillis() + seconds * 1000L
        while (System.currentTimeMillis() < end) {
            def m = screen() =~ pattern
            if (m.find()) return m
            Thread.sleep(200)
        }
        throw new AssertionError("tmux never showed /${pattern}/; the screen:\n" + screen())
    }

    /** How often the pattern shows on the screen. */
    int count(Pattern pattern) {
        def m = screen() =~ pattern
        int n = 0
        while (m.find()) n++
        n
    }

    @Override
    void close() {
        tmux('kill-session', '-t', session)
        historyDir.deleteDir()
    }

    static String tmux(String... args) {
        def p = new ProcessBuilder(['tmux'] + args.toList()).redirectErrorStream(true).start()
        String out = p.inputStream.text
        p.waitFor(10, TimeUnit.SECONDS)
        out
    }
}
