package nslab.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nslab.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = "What is live, read from the kernel: each lab's namespaces with their interfaces, addresses and routes.")
public final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource.OrAll lab;
    @Option(names = "--json", description = "print JSON, for scripts") boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = lab.engine("status", out);
        String name = lab.name(engine);
        out.print(json ? engine.status().json(name) + "\n" : engine.status().text(name));
        out.flush();
        return ExitCodes.OK;
    }
}
