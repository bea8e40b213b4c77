package nslab.command;

import java.io.PrintWriter;
import nslab.LabCompiler;
import nslab.engine.Engine;

/**
 * Where a verb's lab comes from, and the engine that acts on the machine. The command tree a verb
 * runs in supplies it through picocli's factory, as picocli-shell-jline3 supplies the terminal: a
 * script named on the command line ({@code nslab.cli}), or the console's session
 * ({@code nslab.console}). A verb takes it as a {@code @Mixin}; the field's type says what the
 * command line must name: {@link LabSource} a script, {@link OrName} a script or a live lab's
 * name, {@link OrAll} either or nothing (every live lab).
 */
public interface LabSource {

    /** The lab, compiled and valid, its warnings printed to {@code err}; else {@link Precondition.NoValidLab}. */
    LabCompiler.Compiled compiled(PrintWriter err);

    /** The name of the lab meant; null for every live lab (only an {@link OrAll} source). */
    String name(Engine engine);

    /**
     * The engine for {@code verb}, after checking that this process may change the network
     * ({@link Precondition.NotPermitted}); the commands it runs are shown on {@code out} when the
     * tree shows them (-v on the command line, always in the console).
     */
    Engine engine(String verb, PrintWriter out);

    /** What this run was told by its options and environment. */
    Settings settings();

    /** Added to "not live here" when this source has a reason a lab may not be (the CLI's --sandbox lasts one command). */
    default String notLiveNote() {
        return "";
    }

    /** Told after apply made the lab live or destroy took it down (the console's live mode follows it). */
    default void nowLive(String lab, boolean live) {}

    /** A source whose command-line form takes a lab script or the name of a live lab. */
    interface OrName extends LabSource {}

    /** A source whose command-line form takes a lab script, a live lab's name, or nothing. */
    interface OrAll extends LabSource {}

    /** A source whose command-line form takes a lab script, or writes one ({@code apply --topo linear,5}). */
    interface OrTopology extends LabSource {}
}
