package nslab.command;

import java.io.PrintStream;
import nslab.engine.Progress;

/** Where the engine's time goes, one line each on {@code err} (with NSLAB_TIMING, for bench/), beside another listener. */
public final class TimingLines implements Progress.Listener {
    private final Progress.Listener inner;
    private final PrintStream err;

    public TimingLines(Progress.Listener inner, PrintStream err) {
        this.inner = inner;
        this.err = err;
    }

    @Override
    public void progress(Progress p) {
        inner.progress(p);
    }

    @Override
    public void finished() {
        inner.finished();
    }

    @Override
    public void timed(String what, long nanos) {
        err.println("timing: " + what + " " + nanos / 1_000_000 + "ms");
    }
}
