package nslab.plan;

import java.util.List;
import nslab.model.Lab;

/** The ordered steps that build a lab. */
public record Plan(Lab lab, List<Step> steps) {
    public Plan {
        steps = List.copyOf(steps);
    }
}
