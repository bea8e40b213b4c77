package nslab.web;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import nslab.LabCompiler;
import nslab.engine.Engine;
import nslab.engine.ProcessExecutor;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.model.Lab;
import nslab.model.Namespace;

/**
 * The lab the page shows: the lab as its source has it at each request (the console's changes as
 * they are typed), the engine that acts on it (null where this process may not look into
 * namespaces: the page then draws the script alone), and how the page reads the kernel.
 */
final class WebLab {
    private final Supplier<LabCompiler.Compiled> compiled;
    private final Engine engine;
    private final Executor reader = new ProcessExecutor(5, argv -> { });
    private final Consumer<String> shown;

    /** {@code shown} is told each command the page runs that changes the lab. */
    WebLab(Supplier<LabCompiler.Compiled> compiled, Engine engine, Consumer<String> shown) {
        this.compiled = compiled;
        this.engine = engine;
        this.shown = shown;
    }

    LabCompiler.Compiled compiled() {
        return compiled.get();
    }

    Lab lab() {
        return compiled().lab();
    }

    Engine engine() {
        return engine;
    }

    boolean live() {
        return engine != null && engine.isLive(lab().name());
    }

    void show(String command) {
        shown.accept(command);
    }

    /** Runs {@code argv} (an {@code ip}, {@code sysctl} or {@code iptables-save} reading) in a namespace. */
    ExecResult read(String namespace, List<String> argv) {
        return reader.run(in(namespace, argv), null);
    }

    /** {@code argv} run in the namespace: {@code ip -n NS} for ip, {@code ip netns exec NS} for the rest; the host's as it is. */
    static List<String> in(String namespace, List<String> argv) {
        if (namespace == null || Namespace.HOST.equals(namespace)) return argv;
        if (argv.get(0).equals("ip")) {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of("ip", "-n", namespace), argv.stream().skip(1)).toList();
        }
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("ip", "netns", "exec", namespace), argv.stream()).toList();
    }
}
