package nslab.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import nslab.engine.Engine;
import nslab.report.JsonShapes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status",
        description = "What is live, read from the kernel: each lab's namespaces with their interfaces, addresses and routes.")
public final class StatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource.OrAll lab;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Engine engine = lab.engine("status", json.shown(out, spec.commandLine().getErr()));
        String name = lab.name(engine);
        if (json.on()) {
            java.util.List<java.util.Map<String, Object>> labs = new java.util.ArrayList<>();
            for (java.util.Map<String, Object> l : engine.status().labs(name)) {
                // a lab whose journal cannot be read has its error instead, and no drift
                labs.add(l.containsKey("error") ? l : JsonShapes.withDrift(l, drift(engine, String.valueOf(l.get("lab")))));
            }
            json.print(out, JsonShapes.status(labs));
        } else {
            out.print(StatusText.of(engine.status().labs(name), name));
            for (String live : engine.labs()) if (name == null || name.equals(live)) Reports.drift(out, live, drift(engine, live));
            out.flush();
        }
        return ExitCodes.OK;
    }

    /** A lab's drift; a journal that cannot be read is already told of in the text above. */
    private static java.util.List<nslab.engine.Drift> drift(Engine engine, String lab) {
        try {
            return engine.drift(lab, null);
        } catch (nslab.engine.EngineException e) {
            return java.util.List.of();
        }
    }
}
