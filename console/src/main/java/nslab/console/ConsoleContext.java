package nslab.console;

import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import nslab.LabCompiler;
import nslab.command.ExitCodes;
import nslab.command.TimingLines;
import nslab.engine.Progress;
import nslab.engine.Engine;
import nslab.exec.LiveState;
import nslab.engine.ProcessExecutor;
import nslab.model.Lab;
import nslab.model.Namespace;
import org.jline.terminal.Terminal;

/** What the console commands share: the terminal, the session's lab, the engine and the kernel's view. */
final class ConsoleContext {
    final Terminal terminal;
    final PrintWriter out;
    final ConsoleSession session;
    final Engine engine;
    final KernelView kernel;
    final ForegroundProcess foreground;
    final LabLineHandler labLines;
    final ConsoleOptions options;
    private long linesEntered;
    private nslab.lang.LabLoader.Chunk editing;
    private boolean prefill;

    /** {@code engine} null: the engine on this machine, showing each command on the terminal as it runs. */
    ConsoleContext(Terminal terminal, ConsoleOptions options, Engine engine) {
        this.terminal = terminal;
        this.out = terminal.writer();
        this.options = options;
        this.session = new ConsoleSession(new LabCompiler(options.settings().script()));
        session.setLive(options.live());
        // a learner sees each lab line turn into commands: the console shows them as -v does on the command line
        this.engine = engine != null ? engine : Engine.onThisMachine(options.settings().engine(), line -> {
            out.println(line);
            out.flush();
        });
        if (engine == null && options.settings().timing()) this.engine.progress(new TimingLines(Progress.Listener.NONE, System.err));
        this.kernel = new KernelView(new LiveState(new ProcessExecutor()));
        this.foreground = new ForegroundProcess();
        this.labLines = new LabLineHandler(session, this.engine, kernel);
    }

    /** Counts entered lines, so a command can say a thing once per line. */
    void entered() {
        linesEntered++;
    }

    /** {@code edit N}: the next line entered replaces this entry, and the prompt starts with its text. */
    void startEditing(nslab.lang.LabLoader.Chunk entry) {
        editing = entry;
        prefill = true;
    }

    /** The text the next prompt starts with (once), or null. */
    String takePrefill() {
        if (!prefill || editing == null) return null;
        prefill = false;
        return editing.text().strip();
    }

    /** The entry the line being handled replaces, or null; asked once per line. */
    nslab.lang.LabLoader.Chunk takeEditing() {
        nslab.lang.LabLoader.Chunk e = editing;
        editing = null;
        prefill = false;
        return e;
    }

    long linesEntered() {
        return linesEntered;
    }

    /** The session's lab, or null after telling the user how to get one. */
    Lab requireLab() {
        Lab lab = session.lab();
        if (lab == null) {
            out.println(ConsoleSession.NO_LAB_YET);
            out.flush();
        }
        return lab;
    }

    /** Namespaces a command may name: the lab's, the live ones, and host. */
    Set<String> knownNamespaces() {
        Set<String> names = new LinkedHashSet<>(session.namespaceNames());
        names.addAll(kernel.namespaces());
        return names;
    }

    /**
     * The argv that runs {@code command} in a namespace, with namespace names where it expects an
     * address standing for their first address ({@link Targets}); null (after saying why) when the
     * namespace is not live. When a name was replaced, the command as it runs is shown first.
     */
    List<String> inNamespace(String ns, List<String> command) {
        List<String> cmd = Targets.substitute(session.lab(), command);
        if (!cmd.equals(command)) {
            out.println("runs: " + String.join(" ", cmd));
            out.flush();
        }
        if (Namespace.HOST.equals(ns)) return cmd;
        if (!kernel.namespaceExists(ns)) {
            if (session.namespaceNames().contains(ns)) {
                out.println("namespace " + ns + " is in the lab but not live: apply builds it");
            } else {
                out.println("no namespace '" + ns + "' (the lab has: "
                        + (session.namespaceNames().isEmpty() ? "none" : String.join(", ", session.namespaceNames())) + ")");
            }
            out.flush();
            return null;
        }
        List<String> argv = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns));
        argv.addAll(cmd);
        return argv;
    }

    /** Runs a command in a namespace with its output streamed; says how it ended when that is not plain success. */
    int runIn(String ns, List<String> command) {
        List<String> argv = inNamespace(ns, command);
        if (argv == null) return ExitCodes.USAGE;
        int status = foreground.run(argv, out);
        if (status == ProcessExecutor.INTERRUPTED) out.println("^C: stopped");
        else if (status != 0) out.println("[exit " + status + "]");
        out.flush();
        return status;
    }
}
