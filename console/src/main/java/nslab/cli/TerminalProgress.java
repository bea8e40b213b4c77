package nslab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nslab.engine.Progress;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.Status;

/**
 * Draws the engine's {@link Progress} on the terminal's bottom line (JLine's status line) once an
 * apply or destroy has run for about a second: steps done of the total, and the phase. Nothing is
 * drawn when standard output is not a terminal (a pipe, a file, CI's log), and the line is gone
 * before the command prints its result.
 */
final class TerminalProgress implements Progress.Listener {
    private static final long QUIET_MS = 1000;
    private static final long EVERY_MS = 100;
    private static final int BAR = 24;

    private volatile Progress last;
    private long started;
    private ScheduledExecutorService timer;
    private Terminal terminal;
    private Status status;
    private boolean noTerminal;

    @Override
    public synchronized void progress(Progress p) {
        last = p;
        if (timer != null || noTerminal) return;
        if (!outputIsTerminal()) {
            noTerminal = true; // a pipe or a file: not even a timer, nor JLine's look at the terminal
            return;
        }
        started = System.nanoTime();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nslab-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::draw, QUIET_MS, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private synchronized void draw() {
        if (timer == null || noTerminal) return; // finished meanwhile, or nowhere to draw
        if (status == null && !open()) return;
        status.update(List.of(new AttributedString(line(last, (System.nanoTime() - started) / 1_000_000, terminal.getWidth()))));
    }

    /** Whether standard output is a terminal device, as far as /proc tells (where it does not, JLine decides). */
    private static boolean outputIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/1")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    /** The status line on standard output when that is a terminal; false (for good) when it is not. */
    private boolean open() {
        try {
            terminal = TerminalBuilder.builder().system(true).systemOutput(TerminalBuilder.SystemOutput.SysOut)
                    .nativeSignals(false).dumb(true).build();
        } catch (IOException | RuntimeException e) {
            noTerminal = true;
            return false;
        }
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB) || terminal.getHeight() < 2) {
            closeTerminal();
            noTerminal = true;
            return false;
        }
        status = Status.getStatus(terminal, true);
        return true;
    }

    /** {@code apply  [#########...............]  312/1500 steps  addresses  2.4 s}, cut to the width. */
    static String line(Progress p, long elapsedMs, int width) {
        int filled = p.total() <= 0 ? 0 : (int) Math.min(BAR, (long) BAR * p.done() / p.total());
        String text = p.verb() + "  [" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]  " + p.done() + "/" + p.total()
                + (p.verb().equals("apply") ? " steps  " : " commands  ") + p.phase()
                + String.format("  %.1f s", elapsedMs / 1000.0);
        return width > 0 && text.length() >= width ? text.substring(0, width - 1) : text;
    }

    @Override
    public synchronized void finished() {
        if (timer != null) timer.shutdownNow();
        timer = null;
        if (status != null) {
            status.update(List.of());
            status.close();
            status = null;
        }
        closeTerminal();
    }

    private void closeTerminal() {
        if (terminal == null) return;
        try {
            terminal.flush();
            terminal.close();
        } catch (IOException e) {
            // the line is gone with the terminal
        }
        terminal = null;
    }
}
