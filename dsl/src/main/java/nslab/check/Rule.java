package nslab.check;

import java.util.List;
import nslab.model.Lab;

/** One family of checks on a lab. */
interface Rule {
    void check(Lab lab, List<Problem> problems);
}
