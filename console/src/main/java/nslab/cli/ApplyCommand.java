package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.ApplyResult;
import nslab.engine.CheckResult;
import nslab.engine.Checker;
import nslab.engine.Engine;
import nslab.engine.Privileges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Build the lab on this machine (or only what changed, when it is live), then run its expectations.",
                "Stops before changing anything if a namespace or interface it would create is in the way,"
                        + " and undoes everything it did if a step fails."})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script") Path lab;
    @Option(names = "--no-check", description = "do not run the lab's expectations afterwards") boolean noCheck;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = EnginePreconditions.refuse(main.global, "apply", err);
        if (refused != null) return refused;
        long t0 = System.nanoTime();
        LabCompiler.Compiled c = LabArgument.compile(lab, err);
        if (c == null) return ExitCodes.INVALID_LAB;
        Engine engine = EnginePreconditions.engine(main.global, out);
        String name = c.lab().name();
        long t1 = System.nanoTime();
        ApplyResult r = engine.apply(c.plan());
        if (System.getenv("NSLAB_TIMING") != null) { // for bench/: where the time goes
            err.println("timing: compile " + (t1 - t0) / 1_000_000 + "ms, apply " + (System.nanoTime() - t1) / 1_000_000 + "ms");
            err.flush();
        }
        switch (r.status()) {
            case CONFLICT:
                err.println("nslab apply: lab " + name + ": stopped before changing anything:");
                for (String conflict : r.conflicts()) err.println("    " + conflict);
                err.println("    remove or rename it, or rename it in the script");
                err.flush();
                return ExitCodes.APPLY_FAILED;
            case FAILED:
                err.println("nslab apply: lab " + name + " failed");
                err.println(r.failure().format());
                err.flush();
                return ExitCodes.APPLY_FAILED;
            case UP_TO_DATE:
                out.println("lab " + name + " is up to date: nothing changed");
                break;
            default:
                if (r.undone().isEmpty() && r.ran().size() == c.plan().steps().size()) {
                    out.println("lab " + name + " applied: " + r.ran().size() + " commands");
                } else {
                    out.println("lab " + name + " updated: " + r.ran().size() + " commands run, "
                            + r.undone().size() + " undone");
                    for (String u : r.undone()) out.println("  - " + u);
                    for (String a : r.ran()) out.println("  + " + a);
                }
        }
        out.flush();
        if (noCheck || c.lab().expectations().isEmpty()) return ExitCodes.OK;
        List<CheckResult> checks = engine.check(c.lab());
        out.print(Checker.table(checks));
        CheckVerdicts.print(engine, c.lab(), checks, out);
        return checks.stream().allMatch(CheckResult::ok) ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }
}

/** What apply, destroy, check and status share: the root check and the engine with -v wired in. */
final class EnginePreconditions {
    private EnginePreconditions() {}

    /** An exit status when the command cannot go on (not root, --sandbox without the launcher), else null. */
    static Integer refuse(GlobalOptions global, String command, PrintWriter err) {
        if (global.sandbox && !global.inSandbox()) {
            err.println("nslab: --sandbox is set up by the ./nslab launcher (a running JVM cannot enter a new"
                    + " user namespace): run ./nslab --sandbox " + command + " ...");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (!global.inSandbox() && !Privileges.isRoot()) {
            err.println(Privileges.notRootMessage(command));
            err.flush();
            return ExitCodes.USAGE;
        }
        return null;
    }

    static Engine engine(GlobalOptions global, PrintWriter out) {
        return Engine.onThisMachine(global.verbose ? line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } : null);
    }
}
