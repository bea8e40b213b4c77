package nslab.render;

import java.util.Objects;
import nslab.check.Printable;
import nslab.model.Source;
import nslab.plan.Plan;
import nslab.plan.Step;

/**
 * The plan as a POSIX shell script that builds the lab when run as root with {@code sh -e}:
 * each group of commands under a comment naming the script line it came from.
 */
public final class ShellScriptRenderer {

    public String render(Plan plan) {
        StringBuilder out = new StringBuilder();
        out.append("#!/bin/sh\n");
        out.append("# nslab plan for lab '").append(plan.lab().name()).append("': ")
                .append(plan.steps().size()).append(" commands. Run as root: sh -e THIS_FILE\n");
        out.append("set -e\n");
        Source last = null;
        for (Step step : plan.steps()) {
            if (!Objects.equals(step.source(), last)) {
                last = step.source();
                // a comment ends at a newline: a control character in a file name or a line is spelt out,
                // so that no part of it runs as a command
                String text = Printable.of(plan.lab().line(last).strip());
                out.append("\n# ").append(Printable.of(last.toString())).append(text.isEmpty() ? "" : ": " + text).append('\n');
            }
            out.append(ShellQuoting.join(step.command().argv()));
            // a run command keeps running after the script ends, its output out of the way
            if (step.background()) out.append(" >/dev/null 2>&1 &");
            out.append('\n');
        }
        return out.toString();
    }
}
