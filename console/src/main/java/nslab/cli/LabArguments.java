package nslab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nslab.LabCompiler;
import nslab.check.Problem;
import nslab.command.LabSource;
import nslab.command.Precondition;
import nslab.command.Settings;
import nslab.command.TimingLines;
import nslab.engine.Progress;
import nslab.engine.Engine;
import nslab.engine.Privileges;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The command line's {@link LabSource}s: the lab is the argument the verb was given, and each
 * command gets an engine of its own, after the root check. picocli asks this factory for a verb's
 * {@code @Mixin LabSource} field; the field's type picks the argument.
 */
final class LabArguments implements CommandLine.IFactory {
    private static final Pattern LAB_WORD = Pattern.compile("(?m)^\\s*lab\\s*\\(?\\s*['\"]([^'\"]+)['\"]");

    /**
     * The lab's name, found without running the script (which may exit, loop, or take seconds).
     * A script is known by its path: the live lab whose journal recorded this file (or this path,
     * when the file is gone); else the name the script would give its lab (its {@code lab '...'}
     * line, else its base name), which must not be a live lab of another script. A word that is
     * no file is a live lab's name, else the base name of exactly one live lab's script; two or
     * more are listed. What names no live lab comes back as the name it would have (not live).
     */
    static String labName(String arg, Engine engine) {
        if (arg == null) return null;
        Path p = Path.of(arg);
        String path = Files.isRegularFile(p) ? realPath(p) : p.toAbsolutePath().normalize().toString();
        for (String live : engine.labs()) if (path != null && path.equals(engine.sourceOf(live))) return live;
        if (Files.isRegularFile(p)) {
            String name = declaredName(p);
            String other = engine.isLive(name) ? engine.sourceOf(name) : null;
            if (other != null) {
                throw new Precondition.NotLive("nslab: no lab of " + arg + " is live here; lab " + name + " is live, applied from"
                        + " another script (" + other + "): name that script, or the lab alone (" + name + ")");
            }
            return name;
        }
        if (engine.isLive(arg)) return arg;
        String base = baseName(p);
        List<String> byScript = engine.labs().stream()
                .filter(live -> engine.sourceOf(live) != null && baseName(Path.of(engine.sourceOf(live))).equals(base)).toList();
        if (byScript.size() == 1 && !arg.contains("/")) return byScript.get(0);
        if (byScript.size() > 1 && !arg.contains("/")) {
            throw new Precondition.BadArgument("nslab: " + arg + " could be any of these live labs: " + String.join(", ",
                    byScript.stream().map(l -> l + " (" + engine.sourceOf(l) + ")").toList()) + "; name one of them");
        }
        return base;
    }

    private static String realPath(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException e) {
            return null;
        }
    }

    /** The script's {@code lab '...'} line, else its base name (the default name). */
    private static String declaredName(Path p) {
        try {
            Matcher named = LAB_WORD.matcher(Files.readString(p));
            if (named.find()) return named.group(1);
        } catch (IOException | RuntimeException e) {
            // unreadable: the base name
        }
        return baseName(p);
    }

    private static String baseName(Path p) {
        String base = p.getFileName() == null ? p.toString() : p.getFileName().toString();
        return base.endsWith(".groovy") ? base.substring(0, base.length() - ".groovy".length()) : base;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == LabSource.class) return type.cast(new Script());
        if (type == LabSource.OrName.class) return type.cast(new ScriptOrName());
        if (type == LabSource.OrAll.class) return type.cast(new Filter());
        if (type == LabSource.OrTopology.class) return type.cast(new ScriptOrTopology());
        return CommandLine.defaultFactory().create(type);
    }

    /** {@code LAB.groovy}: a lab script. */
    static final class Script extends Argument {
        @Parameters(paramLabel = "LAB.groovy", description = "the lab script") String argument;

        @Override
        String argument() {
            return argument;
        }
    }

    /** {@code LAB}: a lab script or a live lab's name. */
    static final class ScriptOrName extends Argument implements LabSource.OrName {
        @Parameters(paramLabel = "LAB.groovy", description = "the lab script, or the lab's name") String argument;

        @Override
        String argument() {
            return argument;
        }
    }

    /** {@code [LAB]}: a lab script, a live lab's name, or nothing for every live lab. */
    static final class Filter extends Argument implements LabSource.OrAll {
        @Parameters(paramLabel = "LAB.groovy", arity = "0..1", description = "only this lab (a script or the lab's name)")
        String argument;

        @Override
        String argument() {
            return argument;
        }
    }

    /** {@code LAB.groovy} or {@code --topo linear,5}: a lab script, or one written from a topology. */
    static final class ScriptOrTopology extends Argument implements LabSource.OrTopology {
        @Parameters(paramLabel = "LAB.groovy", arity = "0..1", description = "the lab script (or --topo)") String argument;
        @picocli.CommandLine.Option(names = "--topo", paramLabel = "KIND,N", completionCandidates = TopologyForms.class,
                description = {"write a generated lab into this folder and apply it: linear,N ring,N star,N tree,DEPTH,FANOUT mesh,N"
                        + " (with address pools and routes 'auto'); its file name is printed"}) String topo;
        private String written;

        @Override
        String argument() {
            if (topo == null && argument == null) {
                throw new Precondition.BadArgument("nslab: name a lab script, or write one with --topo (e.g. --topo linear,5)");
            }
            if (topo != null && argument != null) {
                throw new Precondition.BadArgument("nslab: a lab script or --topo " + topo + ", not both");
            }
            return topo == null ? argument : written;
        }

        @Override
        public LabCompiler.Compiled compiled(PrintWriter err) {
            if (topo != null && written == null) written = TopologyFile.write(topo, Path.of(""), err);
            return super.compiled(err);
        }
    }

    /** What bash and zsh complete after --topo. */
    static final class TopologyForms implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return List.of("linear,5", "ring,6", "star,8", "tree,2,3", "mesh,4").iterator();
        }
    }

    /** What the three argument forms share. */
    abstract static class Argument implements LabSource {
        @Spec(Spec.Target.MIXEE) CommandSpec verb;

        abstract String argument();

        private GlobalOptions global() {
            return ((Main) verb.root().userObject()).global;
        }

        @Override
        public Settings settings() {
            return ((Main) verb.root().userObject()).settings();
        }

        @Override
        public LabCompiler.Compiled compiled(PrintWriter err) {
            Path file = Path.of(argument());
            if (!Files.exists(file)) throw new Precondition.NoValidLab(file + ": no such lab file");
            LabCompiler.Compiled compiled;
            try {
                compiled = new LabCompiler(settings().script()).compile(file);
            } catch (IOException e) {
                throw new Precondition.NoValidLab(file + ": cannot read: " + e.getMessage());
            }
            for (Problem p : compiled.problems()) err.println(p.format());
            err.flush();
            if (!compiled.ok()) throw new Precondition.NoValidLab(null);
            return compiled;
        }

        @Override
        public String name(Engine engine) {
            return labName(argument(), engine);
        }

        @Override
        public Engine engine(String command, PrintWriter out) {
            GlobalOptions global = global();
            Settings settings = settings();
            if (global.sandbox && !settings.inSandbox()) {
                throw new Precondition.NotPermitted("nslab: --sandbox is set up by the ./nslab launcher (a running JVM cannot"
                        + " enter a new user namespace): run ./nslab --sandbox " + command + " ...");
            }
            if (!settings.inSandbox() && !Privileges.isRoot()) throw new Precondition.NotRoot(Privileges.notRootMessage(command));
            Progress.Listener progress = global.verbose ? Progress.Listener.NONE : new TerminalProgress(); // -v prints each command instead
            Engine engine = Engine.onThisMachine(settings.engine(), !global.verbose ? null : line -> {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            });
            return engine.progress(settings.timing() ? new TimingLines(progress, System.err) : progress);
        }

        @Override
        public String notLiveNote() {
            return settings().inSandbox() ? " (each --sandbox command has a sandbox of its own; 'apply' checks too)" : "";
        }
    }
}
