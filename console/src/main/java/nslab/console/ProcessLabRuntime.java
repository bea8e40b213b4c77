package nslab.console;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.model.Namespace;
import nslab.plan.Command;
import nslab.plan.Phase;
import nslab.plan.Step;
import nslab.plan.Tool;
import nslab.render.ShellQuoting;

/**
 * The console's own way to put a plan on the kernel until the engine of issue 3 lands: each step
 * runs as its own process (zt-exec), one by one, so the user sees exactly the commands of the plan.
 */
final class ProcessLabRuntime implements LabRuntime {
    private final CommandRunner runner;
    private final KernelView kernel;
    /** Background {@code run} commands, stopped on destroy. */
    private final List<Process> started = new ArrayList<>();
    /** Host sysctl values a step replaced ("key" to old value), put back on destroy. */
    private final Map<String, String> hostSysctls = new LinkedHashMap<>();

    ProcessLabRuntime(CommandRunner runner, KernelView kernel) {
        this.runner = runner;
        this.kernel = kernel;
    }

    @Override
    public void checkNothingInTheWay(List<Step> steps) throws Failure {
        kernel.changed(); // this answer must be the kernel's now, not a cached one
        List<String> live = null;
        for (Step step : steps) {
            List<String> args = step.command().args();
            if (step.phase() == Phase.NAMESPACES && args.size() == 3 && args.get(1).equals("add")) {
                if (live == null) live = kernel.namespaces();
                if (live.contains(args.get(2))) {
                    throw new Failure(step, "namespace " + args.get(2)
                            + " already exists and this lab did not create it; nothing was changed");
                }
            }
            if (step.phase() == Phase.DEVICES && step.command().inHost() && step.command().tool() == Tool.IP) {
                for (String name : hostEnds(args)) {
                    if (kernel.hostInterfaceExists(name)) {
                        throw new Failure(step, "interface " + name
                                + " already exists on the host and this lab did not create it; nothing was changed");
                    }
                }
            }
        }
    }

    /** The devices an {@code ip link add} run in the host leaves in the host (those not sent on with netns). */
    static List<String> hostEnds(List<String> args) {
        List<String> ends = new ArrayList<>();
        if (args.size() < 4 || !args.get(0).equals("link") || !args.get(1).equals("add")) return ends;
        for (int i = 2; i + 1 < args.size(); i++) {
            if (args.get(i).equals("name")) {
                boolean sentAway = i + 2 < args.size() && args.get(i + 2).equals("netns");
                if (!sentAway) ends.add(args.get(i + 1));
            }
        }
        return ends;
    }

    @Override
    public void apply(List<Step> steps, PrintWriter shown) throws Failure {
        List<Step> done = new ArrayList<>();
        kernel.changed();
        for (Step step : steps) {
            if (shown != null) {
                shown.println(ShellQuoting.join(step.command().argv()) + (step.background() ? " &" : ""));
                shown.flush();
            }
            String error = run(step);
            if (error != null) {
                destroy(done, null);
                throw new Failure(step, error);
            }
            done.add(step);
        }
    }

    /** Runs one step; null when it worked, else the reason it did not. */
    private String run(Step step) {
        List<String> argv = step.command().argv();
        if (step.background()) {
            try {
                started.add(new ProcessBuilder(argv).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
                return null;
            } catch (IOException e) {
                return e.getMessage();
            }
        }
        if (step.command().tool() == Tool.SYSCTL && step.command().inHost()) rememberHostSysctl(step.command());
        CommandRunner.Result r = runner.run(argv);
        if (r.ok()) return null;
        String out = r.output().strip();
        return ShellQuoting.join(argv) + " failed" + (out.isEmpty() ? " (exit " + r.exitCode() + ")" : ": " + out);
    }

    /** The host's sysctls outlive the lab, so the value a step replaces is read before it is set. */
    private void rememberHostSysctl(Command c) {
        for (String arg : c.args()) {
            int eq = arg.indexOf('=');
            if (eq <= 0) continue;
            String key = arg.substring(0, eq);
            if (hostSysctls.containsKey(key)) continue;
            CommandRunner.Result old = runner.run(List.of("sysctl", "-n", key));
            if (old.ok()) hostSysctls.put(key, old.output().strip());
        }
    }

    @Override
    public void destroy(List<Step> applied, PrintWriter shown) {
        kernel.changed();
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        started.clear();
        Set<String> created = new HashSet<>();
        for (Step s : applied) {
            if (s.phase() == Phase.NAMESPACES && s.command().args().size() == 3) created.add(s.command().args().get(2));
        }
        for (int i = applied.size() - 1; i >= 0; i--) {
            Command undo = applied.get(i).undo();
            // everything inside a namespace of the lab goes away with the namespace itself
            if (undo == null || (undo.namespace() != null && created.contains(undo.namespace()))) continue;
            runShown(undo.argv(), shown);
        }
        if (shown != null || !applied.isEmpty()) {
            for (Map.Entry<String, String> e : hostSysctls.entrySet()) {
                runShown(List.of("sysctl", "-w", e.getKey() + "=" + e.getValue()), shown);
            }
            hostSysctls.clear();
        }
    }

    private void runShown(List<String> argv, PrintWriter shown) {
        if (shown != null) {
            shown.println(ShellQuoting.join(argv));
            shown.flush();
        }
        CommandRunner.Result r = runner.run(argv);
        if (!r.ok() && shown != null) {
            shown.println("  (failed: " + r.output().strip() + ")");
            shown.flush();
        }
    }

    @Override
    public List<CheckResult> check(Lab lab) {
        List<CheckResult> results = new ArrayList<>();
        for (Expectation e : lab.expectations()) {
            String target = Targets.resolve(lab, e.target());
            List<String> argv = new ArrayList<>();
            if (!Namespace.HOST.equals(e.from())) argv.addAll(List.of("ip", "netns", "exec", e.from()));
            argv.addAll(List.of("ping", "-c", "1", "-W", "1", target));
            boolean answered = runner.run(argv).ok();
            String what = (e.reachable() ? "reach " : "unreachable ") + e.from() + " to " + e.target()
                    + (target.equals(e.target()) ? "" : " (" + target + ")");
            String detail = answered ? "ping answered" : "no answer to ping";
            results.add(new CheckResult(what, answered == e.reachable(), detail));
        }
        return results;
    }

    @Override
    public String status(Lab lab) {
        StringBuilder out = new StringBuilder();
        List<String> live = kernel.namespaces();
        List<String> names = new ArrayList<>();
        if (lab == null) {
            names.addAll(live);
        } else {
            lab.created().forEach(n -> names.add(n.name()));
        }
        if (names.isEmpty()) out.append(lab == null ? "no network namespaces are live\n" : "the lab has no namespaces yet\n");
        for (String name : names) {
            if (!live.contains(name)) {
                out.append(name).append(": not live\n");
                continue;
            }
            out.append(name).append(":\n");
            indent(out, runner.run(List.of("ip", "-n", name, "-br", "addr")).output());
            String routes = runner.run(List.of("ip", "-n", name, "route")).output();
            if (!routes.isBlank()) {
                out.append("  routes:\n");
                indent(out, routes.replaceAll("(?m)^", "  "));
            }
        }
        return out.toString();
    }

    private static void indent(StringBuilder out, String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) out.append("  ").append(line.stripTrailing()).append('\n');
        }
    }
}
