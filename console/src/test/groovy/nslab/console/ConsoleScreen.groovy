package nslab.console

import java.nio.charset.StandardCharsets
import java.util.regex.Pattern

/**
 * What a user of the console sees, for specs: everything written to the terminal, with the
 * terminal's control sequences taken out, and a way to type and to wait for text to appear.
 */
class ConsoleScreen {
    private static final Pattern CONTROL = ~/\u001B\[[0-9;?]*[ -\/]*[@-~]|\u001B[()][0-9A-Za-z]|\u001B[=>78]|\u0007|\r/

    final OutputStream keyboard
    private final StringBuffer raw = new StringBuffer()
    /** Where the text seen so far was when the last wait matched; later waits look after it. */
    private int mark = 0

    ConsoleScreen(OutputStream keyboard) {
        this.keyboard = keyboard
    }

    /** An OutputStream the console writes to; what it writes shows on this screen. */
    OutputStream display() {
        def screen = this
        new OutputStream() {
            private final ByteArrayOutputStream pending = new ByteArrayOutputStream()
            @Override void write(int b) { synchronized (pending) { pending.write(b); if (b == 10) flush() } }
            @Override void write(byte[] b, int off, int len) { synchronized (pending) { pending.write(b, off, len); flush() } }
            @Override void flush() { synchronized (pending) { screen.raw.append(pending.toString(StandardCharsets.UTF_8)); pending.reset() } }
        }
    }

    /** Reads a process's output into this screen on a thread of its own. */
    void follow(InputStream stream) {
        Thread.start {
            byte[] buf = new byte[4096]
            int n
            while ((n = stream.read(buf)) > 0) raw.append(new String(buf, 0, n, StandardCharsets.UTF_8))
        }
    }

    void type(String keys) {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8))
        keyboard.flush()
    }

    void line(String text) {
        type(text + "\n")
    }

    String text() {
        raw.toString().replaceAll(CONTROL, '')
    }

    /** The text that appeared since the last successful wait. */
    String recent() {
        text().substring(Math.min(mark, text().length()))
    }

    /** Waits until the text after the last match contains {@code expected}; returns the text up to and including it. */
    String waitFor(String expected, long timeoutMillis = 20000) {
        long end = System.currentTimeMillis() + timeoutMillis
        while (System.currentTimeMillis() < end) {
            String all = text()
            int at = all.indexOf(expected, Math.min(mark, all.length()))
            if (at >= 0) {
                String seen = all.substring(Math.min(mark, all.length()), at + expected.length())
                mark = at + expected.length()
                return seen
            }
            Thread.sleep(20)
        }
        throw new AssertionError("the screen never showed '" + expected + "'; it shows:\n" + recent())
    }
}
