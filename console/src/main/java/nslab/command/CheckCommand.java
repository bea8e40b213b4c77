package nslab.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.CheckResult;
import nslab.engine.Engine;
import nslab.model.Lab;
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

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Engine engine = lab.engine("check", out);
        LabCompiler.Compiled c = lab.compiled(err);
        String name = c.lab().name();
        if (!engine.isLive(name)) {
            err.println("nslab check: lab " + name + " is not live here: apply it first" + lab.notLiveNote());
            err.flush();
        }
        if (c.lab().expectations().isEmpty()) {
            out.println("lab " + name + " has no expectations (expect { reach 'a' to 'b' })");
            out.flush();
            return ExitCodes.OK;
        }
        return report(out, engine, c.lab(), engine.check(c.lab()));
    }

    /** Prints the results, each failure with its trace's verdict; the exit status they make. */
    static int report(PrintWriter out, Engine engine, Lab lab, List<CheckResult> checks) {
        Reports.checks(out, checks);
        CheckVerdicts.print(engine, lab, checks, out);
        return checks.stream().allMatch(CheckResult::ok) ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
