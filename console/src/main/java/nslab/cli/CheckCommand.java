package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.CheckResult;
import nslab.engine.Checker;
import nslab.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run the lab's expectations against the live lab (ping from each namespace); exit 4 if any differs.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = EnginePreconditions.refuse(main.global, "check", err);
        if (refused != null) return refused;
        LabCompiler.Compiled c = LabArgument.compile(lab, err);
        if (c == null) return ExitCodes.INVALID_LAB;
        Engine engine = EnginePreconditions.engine(main.global, out);
        if (!engine.isLive(c.lab().name())) {
            err.println("nslab check: lab " + c.lab().name() + " is not live here: apply it first"
                    + (main.global.inSandbox() ? " (each --sandbox command has a sandbox of its own; 'apply' checks too)" : ""));
            err.flush();
        }
        if (c.lab().expectations().isEmpty()) {
            out.println("lab " + c.lab().name() + " has no expectations (expect { reach 'a' to 'b' })");
            out.flush();
            return ExitCodes.OK;
        }
        List<CheckResult> checks = engine.check(c.lab());
        out.print(Checker.table(checks));
        CheckVerdicts.print(engine, c.lab(), checks, out);
        return checks.stream().allMatch(CheckResult::ok) ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}
