package nslab.render;

import nslab.plan.Plan;

/** Each script line beside the commands it produced, with what each command does. */
public final class ExplainRenderer {
    public String render(Plan plan) {
        return new ShellScriptRenderer().render(plan);
    }
}
