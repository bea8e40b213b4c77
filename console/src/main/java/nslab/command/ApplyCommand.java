package nslab.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.ApplyResult;
import nslab.engine.Engine;
import nslab.report.ApplyRun;
import nslab.report.CheckRun;
import nslab.report.JsonShapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "apply",
        description = {"Build the lab on this machine (or only what changed, when it is live), then run its expectations.",
                "Stops before changing anything if a namespace or interface it would create is in the way,"
                        + " and undoes everything it did if a step fails."})
public final class ApplyCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource.OrTopology lab;
    @Option(names = "--no-check", description = "do not run the lab's expectations afterwards") boolean noCheck;
    @Mixin JsonOption json;
    @Mixin JUnitOption junit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        junit.check("apply");
        Engine engine = lab.engine("apply", json.shown(out, err));
        long t0 = System.nanoTime();
        LabCompiler.Compiled c = lab.compiled(err);
        String name = c.lab().name();
        long t1 = System.nanoTime();
        ApplyResult r = engine.apply(c.plan(), drift -> true);
        long t2 = System.nanoTime();
        if (lab.settings().timing()) { // for bench/: where the time goes
            err.println("timing: compile " + (t1 - t0) / 1_000_000 + "ms, apply " + (t2 - t1) / 1_000_000 + "ms");
        }
        Reports.apply(json.text(out), err, name, c.plan().steps().size(), r);
        CheckRun check = null;
        if (r.ok()) {
            lab.nowLive(name, true);
            if (!noCheck && c.lab().checked()) {
                // the lab is built: a SIGINT/SIGTERM now ends nslab (130/143) with the lab live, and says so
                check = LastWords.during(Reports.stoppedWhileChecking(name), () -> CheckCommand.run(engine, c.lab(), true, false, true));
                CheckCommand.print(json.text(out), check);
            }
        }
        ApplyRun run = new ApplyRun(name, c.plan().steps().size(), r, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, check,
                c.lab().expectations());
        json.print(out, JsonShapes.apply(run));
        junit.write(run);
        if (!r.ok()) return r.signal() > 0 ? 128 + r.signal() : ExitCodes.APPLY_FAILED; // 130 SIGINT, 143 SIGTERM
        return check == null || check.ok() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
