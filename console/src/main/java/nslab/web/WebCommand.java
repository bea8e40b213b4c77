package nslab.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import nslab.LabCompiler;
import nslab.command.ExitCodes;
import nslab.command.LabSource;
import nslab.command.Precondition;
import nslab.command.Reports;
import nslab.engine.ApplyResult;
import nslab.engine.Engine;
import nslab.model.Bounds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code web}: the lab as a live picture in the browser, served on 127.0.0.1 with a token in the
 * address it prints. On the command line it serves until Ctrl-C; in a sandbox, whose network is
 * new and empty, it applies the lab first. In the console it serves in the background for the
 * session's lab, as it changes, for as long as the console lasts.
 */
@Command(name = "web",
        description = {"The lab as a live picture on a local web page: namespaces, interfaces with their addresses,"
                + " bridges, cables with their state and packet counts (updated each second); click a namespace for its"
                + " addresses, routes, neighbours, iptables rules and the lab's sysctls; trace between two namespaces"
                + " on the picture; take a cable down or up.",
                "Listens on 127.0.0.1 only, and every request needs the token in the address printed."
                        + " With --sandbox the lab is applied in the sandbox first; the address works from this computer."})
public final class WebCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @Mixin LabSource lab;
    @Option(names = "--port", paramLabel = "N", description = "listen on this port of 127.0.0.1 (default: a free one)") int port;

    /** The console's session lab as it is at each request; null on the command line. */
    private final Supplier<LabCompiler.Compiled> session;
    private WebServer serving;

    /** The command line's: serves until the process ends. */
    public WebCommand() {
        this(null);
    }

    private WebCommand(Supplier<LabCompiler.Compiled> session) {
        this.session = session;
    }

    /**
     * The console's: serves in the background, once per session, the session's lab as {@code session}
     * has it at each request (asked directly, not through the verb's {@link LabSource}, which tells the
     * terminal what is still waiting).
     */
    public static WebCommand inBackground(Supplier<LabCompiler.Compiled> session) {
        return new WebCommand(session);
    }

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (serving != null) {
            out.println("the page is already at " + serving.address());
            out.flush();
            return ExitCodes.OK;
        }
        if (port != 0 && !Bounds.PORT.holds(port)) throw new Precondition.BadArgument("nslab web: --port " + port + " is no port: give one from " + Bounds.PORT.range());
        LabCompiler.Compiled compiled = lab.compiled(err);
        Engine engine = null;
        try {
            engine = lab.engine("web", out);
        } catch (Precondition.NotRoot e) {
            err.println("nslab web: not root, so the kernel is not asked: the page draws the script alone");
            err.flush();
        }
        String name = compiled.lab().name();
        boolean inBackground = session != null;
        if (!inBackground && engine != null && lab.settings().inSandbox() && !engine.isLive(name)) {
            ApplyResult r = engine.apply(compiled.plan());
            Reports.apply(out, err, name, compiled.plan().steps().size(), r);
            if (!r.ok()) return ExitCodes.APPLY_FAILED;
        }
        WebLab web = inBackground ? new WebLab(session, engine, line -> { })
                : new WebLab(() -> compiled, engine, line -> {
                    synchronized (out) {
                        out.println(line);
                        out.flush();
                    }
                });
        WebServer server;
        try {
            server = WebServer.start(web, port, lab.settings().webDir(), lab.settings().path());
        } catch (IOException e) {
            throw new Precondition.BadArgument("nslab web: cannot serve on 127.0.0.1" + (port == 0 ? "" : ":" + port) + ": " + e.getMessage());
        }
        out.println("lab " + name + (engine != null && engine.isLive(name) ? "" : " (not live: drawn from the script)") + " at " + server.address());
        if (inBackground) {
            serving = server;
            out.println("(the page lasts as long as this console)");
            out.flush();
            return ExitCodes.OK;
        }
        out.println("Ctrl-C ends it");
        out.flush();
        new CountDownLatch(1).await();
        return ExitCodes.OK;
    }
}
