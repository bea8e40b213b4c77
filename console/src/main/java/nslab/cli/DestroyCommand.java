package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.LabCompiler;
import nslab.engine.DestroyResult;
import nslab.engine.Engine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Remove everything the lab created and give back the host settings it changed.",
                "Works from the lab's journal, not the script: the script may have been edited or deleted since."
                        + " LAB may also be the lab's name."})
final class DestroyCommand implements Callable<Integer> {
    private static final Pattern LAB_WORD = Pattern.compile("(?m)^\\s*lab\\s*\\(?\\s*['\"]([^'\"]+)['\"]");

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script, or the lab's name") String lab;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = EnginePreconditions.refuse(main.global, "destroy", err);
        if (refused != null) return refused;
        Engine engine = EnginePreconditions.engine(main.global, out);
        String name = labName(lab, engine);
        long t0 = System.nanoTime();
        DestroyResult r = engine.destroy(name);
        if (System.getenv("NSLAB_TIMING") != null) {
            err.println("timing: destroy " + (System.nanoTime() - t0) / 1_000_000 + "ms");
            err.flush();
        }
        if (!r.known()) {
            err.println("nslab destroy: lab " + name + " is not live here (no journal in " + engine.runDir()
                    + "); live labs: " + (engine.labs().isEmpty() ? "none" : String.join(", ", engine.labs())));
            err.flush();
            return ExitCodes.USAGE;
        }
        if (!r.leftOver().isEmpty()) {
            err.println("nslab destroy: lab " + name + ": still there after destroy: " + String.join(", ", r.leftOver()));
            err.flush();
            return ExitCodes.APPLY_FAILED;
        }
        out.println("lab " + name + " destroyed: " + r.namespaces().size() + " namespaces, "
                + r.undone().size() + " undo commands");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The lab's name: from the script when it still compiles; else from its {@code lab '...'}
     * line; else the file's base name (the default name); or the argument itself when it names
     * a live lab.
     */
    static String labName(String arg, Engine engine) {
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            try {
                // Fast path: a big script takes seconds to compile, and its lab line is enough.
                Matcher named = LAB_WORD.matcher(Files.readString(p));
                if (named.find() && engine.isLive(named.group(1))) return named.group(1);
                LabCompiler.Compiled c = new LabCompiler().compile(p);
                if (c.lab() != null) return c.lab().name();
                Matcher m = LAB_WORD.matcher(Files.readString(p));
                if (m.find()) return m.group(1);
            } catch (Exception e) {
                // fall back to the name
            }
        }
        if (engine.isLive(arg)) return arg;
        String base = p.getFileName().toString();
        return base.endsWith(".groovy") ? base.substring(0, base.length() - ".groovy".length()) : base;
    }
}
