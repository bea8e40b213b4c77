package nslab.console;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import nslab.engine.ApplyResult;
import nslab.engine.DestroyResult;
import nslab.engine.Engine;
import nslab.model.Expectation;
import nslab.model.Lab;
import nslab.plan.Plan;

/**
 * The console's runtime on the engine (issue 3): the engine journals what it applied, applies only
 * the difference between the plan and what is live, and rolls a failed apply back; the console
 * prints the commands that ran, so a learner sees each lab line turn into ip commands.
 */
final class EngineLabRuntime implements LabRuntime {
    private final Engine engine;
    private final KernelView kernel;

    EngineLabRuntime(Engine engine, KernelView kernel) {
        this.engine = engine;
        this.kernel = kernel;
    }

    @Override
    public int apply(Plan plan, PrintWriter shown) throws Failure {
        ApplyResult r;
        try {
            r = engine.apply(plan);
        } finally {
            kernel.changed(); // namespaces may have come or gone: completion must ask again
        }
        switch (r.status()) {
            case APPLIED:
                for (String line : r.undone()) shown.println(line);
                for (String line : r.ran()) shown.println(line);
                shown.flush();
                return r.ran().size() + r.undone().size();
            case UP_TO_DATE:
                return 0;
            case CONFLICT:
                throw new Failure(null, "in the way, and not the lab's to change (nothing was changed): "
                        + String.join("; ", r.conflicts()));
            default:
                // show what ran before the failure and what was undone after it: nothing is hidden
                for (String line : r.ran()) shown.println(line);
                for (String line : r.undone()) shown.println("undone: " + line);
                shown.flush();
                ApplyResult.Failure f = r.failure();
                if (f == null) throw new Failure(null, "applying failed");
                String message = "the kernel refused: " + f.command()
                        + (f.kernelSaid() == null || f.kernelSaid().isBlank() ? "" : ": " + f.kernelSaid().strip())
                        + (f.hint() == null ? "" : " (" + f.hint() + ")")
                        + (f.restored() ? "" : "; some of it could not be undone: destroy removes the rest");
                throw new Failure(f.source(), message);
        }
    }

    @Override
    public boolean destroy(String lab, PrintWriter shown) {
        DestroyResult r;
        try {
            r = engine.destroy(lab);
        } finally {
            kernel.changed();
        }
        if (!r.known()) return false;
        for (String line : r.undone()) shown.println(line);
        if (!r.leftOver().isEmpty()) shown.println("still there after destroy: " + String.join(", ", r.leftOver()));
        shown.flush();
        return true;
    }

    @Override
    public List<CheckResult> check(Lab lab) {
        List<CheckResult> out = new ArrayList<>();
        for (nslab.engine.CheckResult r : engine.check(lab)) {
            Expectation e = r.expectation();
            String target = e.target();
            String what = (e.reachable() ? "reach " : "unreachable ") + e.from() + " to " + target
                    + (r.address() != null && !r.address().equals(target) ? " (" + r.address() + ")" : "");
            String detail = r.detail() != null ? r.detail() : r.reached() ? "ping answered" : "no answer to ping";
            String why = nslab.cli.CheckVerdicts.verdict(engine, lab, r);
            if (why != null) detail += "\n          " + why;
            out.add(new CheckResult(what, r.ok(), detail));
        }
        return out;
    }

    @Override
    public String status(String lab) {
        return engine.status().text(lab);
    }

    @Override
    public boolean isLive(String lab) {
        return engine.isLive(lab);
    }
}
