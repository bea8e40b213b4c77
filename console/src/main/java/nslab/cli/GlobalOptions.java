package nslab.cli;

import nslab.command.Settings;
import nslab.lang.ScriptLimits;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Options every command takes. {@code --sandbox} itself is acted on by the {@code ./nslab}
 * launcher, which starts the JVM inside {@code unshare} (a running JVM cannot enter a new user
 * namespace); here it only tells the program that it is inside one.
 */
public final class GlobalOptions {
    @Option(names = "--sandbox", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Run inside a private user + network + mount namespace: no root needed, nothing touches the machine, all of it vanishes on exit.")
    public boolean sandbox;

    @Option(names = {"-v", "--verbose"}, scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Print each command as it runs.")
    public boolean verbose;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--script-timeout", paramLabel = "SECONDS", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Stop evaluating a lab script after this many seconds (default: $"
                    + ScriptLimits.TIMEOUT_VARIABLE + ", else 30).")
    void scriptTimeout(String seconds) {
        var limit = ScriptLimits.parse(seconds);
        if (limit.isEmpty()) {
            throw new ParameterException(mixee.commandLine(),
                    "--script-timeout takes a number of seconds greater than 0, not '" + seconds + "'");
        }
        scriptTimeout = limit.get();
    }

    private java.time.Duration scriptTimeout;

    @Option(names = "--executor", scope = picocli.CommandLine.ScopeType.INHERIT, paramLabel = "ip|netlink", description = "How apply and destroy change the kernel: netlink (default; rtnetlink from this process, ip where refused) or ip (one ip -batch process per namespace). Also $NSLAB_EXECUTOR.")
    nslab.engine.ExecutorChoice.Kind executor;

    /** {@code environment} with what these options say over it. */
    Settings over(Settings environment) {
        Settings s = environment;
        if (scriptTimeout != null) s = s.withScriptTimeout(scriptTimeout);
        if (executor != null) s = s.withExecutor(executor);
        return s;
    }
}
