package nslab.console;

import java.util.List;
import nslab.LabCompiler;
import nslab.lang.LabLoader;

/**
 * Groovy takes about a second to start. The prompt does not wait for it: once the prompt is up, a
 * background thread compiles a small lab, so the first line the user types finds Groovy warm
 * (and prepares Tab completion first, which a user may want sooner).
 */
final class Warmup {
    private static final String SAMPLE = "namespace 'warm-a' {\n  veth 'v0' peer 'warm-b', name: 'v1'\n  ip '10.99.0.1/24'\n}\n"
            + "namespace 'warm-b' { dev 'v1' { ip '10.99.0.2/24' } }\n";

    private Warmup() {}

    /** {@code alsoPrepare}: more start-up work that can wait until the prompt is up (Tab completion). */
    static void startAfterPrompt(Runnable alsoPrepare, LabCompiler compiler) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(150); // let the prompt draw first: both want the jar and the CPU
                alsoPrepare.run();
                compiler.compile("warmup", List.of(new LabLoader.Chunk("<warmup>", 1, SAMPLE)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // warming up is only an optimisation
            }
        }, "nslab-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }
}
