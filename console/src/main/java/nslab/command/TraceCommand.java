package nslab.command;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import nslab.LabCompiler;
import nslab.engine.Drift;
import nslab.engine.Engine;
import nslab.model.Bounds;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.report.JsonShapes;
import nslab.trace.Probe;
import nslab.trace.Trace;
import nslab.trace.Tracer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code trace}: where a packet from FROM to TO goes, hop by hop, there and back, and where and why
 * it stops: {@code nslab trace LAB.groovy FROM TO} on the command line, {@code trace FROM TO} on
 * the console's lab.
 */
@Command(name = "trace",
        description = {"Follow a packet from FROM to TO and its answer back, hop by hop, on the live lab: the route,"
                + " forwarding, reverse-path filter, ARP, firewall and NAT at each namespace, with the lab line behind"
                + " each; where it stops, why, and what to write to fix it. One probe confirms the walk.",
                "FROM is a namespace or host; TO a namespace (its first address) or an address."
                        + " Exit 0 when the probe gets there and back, 4 when not.",
                "A lab that is not live is read from its script alone, and nothing is confirmed."})
public final class TraceCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource lab;
    @Parameters(paramLabel = "FROM", description = "the namespace the packet starts in, or host") String from;
    @Parameters(paramLabel = "TO", description = "a namespace (its first address) or an address") String to;

    static final class Kind {
        @Option(names = "--tcp", paramLabel = "PORT", description = "a TCP connection to PORT instead of a ping") Integer tcp;
        @Option(names = "--udp", paramLabel = "PORT", description = "a UDP datagram to PORT instead of a ping") Integer udp;
    }

    @ArgGroup(exclusive = true) Kind kind;
    @Option(names = "-6", description = "IPv6: TO stands for its namespace's first IPv6 address") boolean v6;
    @Option(names = "--dev", paramLabel = "IF", description = "leave FROM by this interface (as reach ... dev:)") String dev;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LabCompiler.Compiled compiled = lab.compiled(err);
        Lab model = compiled.lab();
        // Without the right to ask the kernel, the script alone still says where the packet would go.
        Engine engine = null;
        try {
            engine = lab.engine("trace", json.shown(out, err));
        } catch (Precondition.NotRoot e) {
            err.println("nslab trace: not root, so the kernel is not asked: reading the script alone");
            err.flush();
        }
        String problem = problem(model, from, to);
        if (problem == null) problem = family(model, to, v6);
        if (problem == null) problem = port();
        if (problem != null) throw new Precondition.BadArgument("nslab trace: " + problem);
        Probe probe = kind == null || (kind.tcp == null && kind.udp == null) ? Probe.icmp(v6, dev)
                : kind.tcp != null ? new Probe(Probe.Kind.TCP, kind.tcp, v6, dev) : new Probe(Probe.Kind.UDP, kind.udp, v6, dev);
        Trace t = engine == null ? Tracer.onModel(model, TraceText.WORDS).trace(from, to, probe) : engine.trace(model, from, to, probe, TraceText.WORDS);
        if (engine != null && engine.isLive(model.name())) {
            List<Drift> drift = engine.drift(model.name(), compiled.plan());
            Reports.drift(json.text(out), model.name(), drift);
            t = CheckVerdicts.onDrifted(t, drift.stream().anyMatch(Drift::restorable));
        }
        json.text(out).print(TraceRenderer.text(t));
        json.text(out).flush();
        json.print(out, JsonShapes.trace(t));
        return t.ok() ? ExitCodes.OK : ExitCodes.EXPECTATION_FAILED;
    }

    /** A port given that no TCP or UDP packet can carry, or null. */
    private String port() {
        Integer port = kind == null ? null : kind.tcp != null ? kind.tcp : kind.udp;
        if (port == null || Bounds.PORT.holds(port)) return null;
        return (kind.tcp != null ? "--tcp " : "--udp ") + port + " is no port: give one from " + Bounds.PORT.range();
    }

    /** With -6, TO must have an IPv6 address (a namespace without one, or an IPv4 address, has none), or null. */
    static String family(Lab lab, String to, boolean v6) {
        if (!v6 || Tracer.address(lab, to, true).filter(a -> a.contains(":")).isPresent()) return null;
        if (lab.namespace(to).isEmpty()) return "-6 asks for IPv6, but " + to + " is an IPv4 address: leave out -6";
        return "-6 asks for IPv6, but namespace '" + to + "' has no IPv6 address: leave out -6, or give " + to
                + " an IPv6 address (ip 'fd00::2/64' on its interface)";
    }

    /** What is wrong with FROM and TO, or null. */
    public static String problem(Lab lab, String from, String to) {
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
