package nslab.command;

import java.util.concurrent.Callable;
import nslab.LabCompiler;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A verb that prints something made from the lab and touches nothing on the machine. */
abstract class RenderCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource lab;

    abstract String render(LabCompiler.Compiled compiled);

    @Override
    public Integer call() {
        LabCompiler.Compiled c = lab.compiled(spec.commandLine().getErr());
        spec.commandLine().getOut().print(render(c));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
