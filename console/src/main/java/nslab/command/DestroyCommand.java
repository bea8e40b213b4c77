package nslab.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nslab.engine.DestroyResult;
import nslab.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "destroy",
        description = {"Remove everything the lab created and give back the host settings it changed.",
                "Works from the lab's journal, not the script: the script may have been edited or deleted since,"
                        + " and it is never run. LAB may also be the lab's name."})
public final class DestroyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource.OrName lab;
    @Option(names = "--force", description = "when the journal has unreadable records, remove what the rest still"
            + " identifies; remove an empty journal") boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine engine = lab.engine("destroy", out);
        String name = lab.name(engine);
        if (!engine.isLive(name)) {
            throw new Precondition.NotLive("nslab destroy: lab " + name + " is not live here (no journal in " + engine.runDir()
                    + "); live labs: " + (engine.labs().isEmpty() ? "none" : String.join(", ", engine.labs())));
        }
        long t0 = System.nanoTime();
        DestroyResult r = engine.destroy(name, force);
        if (lab.settings().timing()) {
            err.println("timing: destroy " + (System.nanoTime() - t0) / 1_000_000 + "ms");
        }
        lab.nowLive(name, false);
        Reports.destroy(out, err, name, r);
        return r.ok() ? ExitCodes.OK : ExitCodes.APPLY_FAILED;
    }
}
