package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "What is live, read from the kernel: each lab's namespaces with their interfaces, addresses and routes.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", arity = "0..1", description = "only this lab (a script or the lab's name)") String lab;
    @Option(names = "--json", description = "print JSON, for scripts") boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = EnginePreconditions.refuse(main.global, "status", err);
        if (refused != null) return refused;
        Engine engine = EnginePreconditions.engine(main.global, out);
        String name = lab == null ? null : DestroyCommand.labName(lab, engine);
        out.print(json ? engine.status().json(name) + "\n" : engine.status().text(name));
        out.flush();
        return ExitCodes.OK;
    }
}
