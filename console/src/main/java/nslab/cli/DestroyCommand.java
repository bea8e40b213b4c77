package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.engine.DestroyResult;
import nslab.engine.Engine;
import nslab.engine.EngineException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "destroy", mixinStandardHelpOptions = true,
        description = {"Remove everything the lab created and give back the host settings it changed.",
                "Works from the lab's journal, not the script: the script may have been edited or deleted since,"
                        + " and it is never run. LAB may also be the lab's name."})
final class DestroyCommand implements Callable<Integer> {
    private static final Pattern LAB_WORD = Pattern.compile("(?m)^\\s*lab\\s*\\(?\\s*['\"]([^'\"]+)['\"]");

    @ParentCommand Main main;
    @Spec CommandSpec spec;
    @Parameters(paramLabel = "LAB.groovy", description = "the lab script, or the lab's name") String lab;
    @Option(names = "--force", description = "when the journal has unreadable records, remove what the rest still"
            + " identifies; remove an empty journal") boolean force;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Integer refused = EnginePreconditions.refuse(main.global, "destroy", err);
        if (refused != null) return refused;
        Engine engine = EnginePreconditions.engine(main.global, out);
        String name = labName(lab, engine);
        long t0 = System.nanoTime();
        DestroyResult r;
        try {
            r = engine.destroy(name, force);
        } catch (EngineException e) {
            err.println("nslab destroy: " + e.getMessage());
            err.flush();
            return ExitCodes.APPLY_FAILED;
        }
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
        for (String note : r.notes()) err.println("nslab destroy: lab " + name + ": " + note);
        if (!r.leftOver().isEmpty()) {
            err.println("nslab destroy: lab " + name + ": still there after destroy: " + String.join(", ", r.leftOver()));
            err.flush();
            return ExitCodes.APPLY_FAILED;
        }
        err.flush();
        out.println("lab " + name + " destroyed: " + r.namespaces().size() + " namespaces, "
                + r.undone().size() + " undo commands");
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The lab's name, found without running the script (which may exit, loop, or take seconds):
     * the live lab whose journal recorded this file; else the file's {@code lab '...'} line; else
     * the argument itself when it names a live lab; else the file's base name (the default name).
     */
    static String labName(String arg, Engine engine) {
        Path p = Path.of(arg);
        if (Files.isRegularFile(p)) {
            try {
                String real = p.toRealPath().toString();
                for (String live : engine.labs()) if (real.equals(engine.sourceOf(live))) return live;
                Matcher named = LAB_WORD.matcher(Files.readString(p));
                if (named.find()) return named.group(1);
            } catch (Exception e) {
                // unreadable: fall back to the name
            }
        }
        if (engine.isLive(arg)) return arg;
        String base = p.getFileName().toString();
        return base.endsWith(".groovy") ? base.substring(0, base.length() - ".groovy".length()) : base;
    }
}
