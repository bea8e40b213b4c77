package nslab.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.CheckResult;
import nslab.engine.Drift;
import nslab.engine.Engine;
import nslab.model.Lab;
import nslab.report.CheckRun;
import nslab.report.JsonShapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A lab that is not live (no journal) is still checked, after a warning: the kernel, not the
 * journal, says what answers, and a lab built by running {@code nslab plan}'s script has no journal.
 */
@Command(name = "check",
        description = "Run the lab's expectations against the live lab (ping from each namespace); exit 4 if any differs.")
public final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource lab;
    @Mixin JsonOption json;
    @Mixin JUnitOption junit;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        junit.check("check");
        Engine engine = lab.engine("check", json.shown(out, err));
        LabCompiler.Compiled c = lab.compiled(err);
        String name = c.lab().name();
        boolean live = engine.isLive(name);
        if (!live) {
            err.println("nslab check: lab " + name + " is not live here: apply it first" + lab.notLiveNote());
            err.flush();
        }
        List<Drift> drift = live ? engine.drift(name, c.plan()) : List.of();
        Reports.drift(json.text(out), name, drift);
        CheckRun run = run(engine, c.lab(), live, drift.stream().anyMatch(Drift::restorable), false);
        if (!c.lab().checked()) {
            json.text(out).println("lab " + name + " has no expectations (expect { reach 'a' to 'b' })");
        } else {
            print(json.text(out), run);
        }
        json.print(out, JsonShapes.check(run, drift));
        junit.write(run);
        return run.ok() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /**
     * The lab's expectations checked, each failure with its trace's verdict; on a lab that
     * {@code drifted} from its script, the fix is to put the script back; {@code fresh}: the lab
     * was applied a moment ago.
     */
    static CheckRun run(Engine engine, Lab lab, boolean live, boolean drifted, boolean fresh) {
        long t0 = System.nanoTime();
        List<CheckResult> checks = !lab.checked() ? List.of() : fresh ? engine.checkFresh(lab) : engine.check(lab);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        return new CheckRun(lab.name(), live, checks, CheckVerdicts.of(engine, lab, checks, drifted), millis);
    }

    /** The results as a table, each failure with its trace's verdict under it. */
    static void print(PrintWriter out, CheckRun run) {
        Reports.checks(out, run.results());
        CheckVerdicts.print(run, out);
    }
}
