package nslab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import nslab.LabCompiler;
import nslab.engine.Engine;
import nslab.engine.Privileges;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.trace.Probe;
import nslab.trace.Trace;
import nslab.trace.Tracer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trace}: where a packet from FROM to TO goes, hop by hop, there and back, and where and why
 * it stops. One verb for the command line ({@code nslab trace LAB.groovy FROM TO}) and the
 * console ({@code trace FROM TO}, on the session's lab): all it needs is a lab and an engine.
 */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follow a packet from FROM to TO and its answer back, hop by hop, on the live lab: the route,"
                + " forwarding, reverse-path filter, ARP, firewall and NAT at each namespace, with the lab line behind"
                + " each; where it stops, why, and what to write to fix it. One probe confirms the walk.",
                "FROM is a namespace or host; TO a namespace (its first address) or an address."
                        + " Exit 0 when the probe gets there and back, 4 when not.",
                "A lab that is not live is read from its script alone, and nothing is confirmed."})
public final class TraceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "2..3", paramLabel = "[LAB.groovy] FROM TO", hideParamSyntax = true,
            description = "the lab script (on the command line only), the namespace the packet starts in, where it goes")
    List<String> words;

    static final class Kind {
        @Option(names = "--tcp", paramLabel = "PORT", description = "a TCP connection to PORT instead of a ping") Integer tcp;
        @Option(names = "--udp", paramLabel = "PORT", description = "a UDP datagram to PORT instead of a ping") Integer udp;
    }

    @ArgGroup(exclusive = true) Kind kind;
    @Option(names = "-6", description = "IPv6: TO stands for its namespace's first IPv6 address") boolean v6;
    @Option(names = "--dev", paramLabel = "IF", description = "leave FROM by this interface (as reach ... dev:)") String dev;
    @Option(names = "--json", description = "print the trace as JSON") boolean json;

    private final Supplier<Lab> sessionLab;
    private final Engine sessionEngine;

    /** The command line's: the lab comes from the file named first. */
    public TraceCommand() {
        this(null, null);
    }

    /** The console's: the lab is the session's, the engine the console's. */
    public TraceCommand(Supplier<Lab> lab, Engine engine) {
        this.sessionLab = lab;
        this.sessionEngine = engine;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = sessionLab != null ? out : spec.commandLine().getErr();
        int expected = sessionLab != null ? 2 : 3;
        if (words.size() != expected) {
            err.println("nslab trace: expected " + (sessionLab != null ? "FROM TO" : "LAB.groovy FROM TO") + ", got "
                    + String.join(" ", words));
            err.flush();
            return ExitCodes.USAGE;
        }
        Lab lab;
        Engine engine;
        boolean scriptOnly = false;
        if (sessionLab != null) {
            lab = sessionLab.get();
            if (lab == null) {
                err.println("trace: the session has no lab yet: type lab language or load FILE");
                err.flush();
                return 1;
            }
            engine = sessionEngine;
        } else {
            GlobalOptions global = spec.parent().userObject() instanceof Main m ? m.global : new GlobalOptions();
            if (global.sandbox && !global.inSandbox()) return EnginePreconditions.refuse(global, "trace", err);
            LabCompiler.Compiled c = LabArgument.compile(Path.of(words.get(0)), err);
            if (c == null) return ExitCodes.INVALID_LAB;
            lab = c.lab();
            engine = EnginePreconditions.engine(global, out);
            scriptOnly = !global.inSandbox() && !Privileges.isRoot();
            if (scriptOnly && engine.isLive(lab.name())) {
                err.println("nslab trace: not root, so the kernel is not asked: reading the script alone");
                err.flush();
            }
        }
        String from = words.get(expected - 2);
        String to = words.get(expected - 1);
        String problem = problem(lab, from, to);
        if (problem != null) {
            err.println((sessionLab != null ? "trace: " : "nslab trace: ") + problem);
            err.flush();
            return ExitCodes.USAGE;
        }
        Probe probe = kind == null || (kind.tcp == null && kind.udp == null) ? Probe.icmp(v6, dev)
                : kind.tcp != null ? new Probe(Probe.Kind.TCP, kind.tcp, v6, dev) : new Probe(Probe.Kind.UDP, kind.udp, v6, dev);
        Trace t = scriptOnly ? Tracer.onModel(lab).trace(from, to, probe) : engine.trace(lab, from, to, probe);
        out.print(json ? TraceRenderer.json(t) + "\n" : TraceRenderer.text(t));
        out.flush();
        return t.ok() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /** What is wrong with FROM and TO, or null. */
    static String problem(Lab lab, String from, String to) {
        List<String> names = lab.namespaces().stream().map(Namespace::name).toList();
        if (!Namespace.HOST.equals(from) && lab.namespace(from).isEmpty()) {
            return "no namespace '" + from + "' in lab " + lab.name() + " (it has: " + String.join(", ", names) + ", host)";
        }
        if (Tracer.address(lab, to, false).isEmpty() && Tracer.address(lab, to, true).isEmpty()) {
            return "'" + to + "' is neither an address nor a namespace of lab " + lab.name() + " with an address"
                    + " (it has: " + String.join(", ", names) + ")";
        }
        return null;
    }
}
