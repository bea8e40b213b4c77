package nslab.check;

import java.util.ArrayList;
import java.util.List;
import nslab.model.Lab;

/** Checks a lab before anything runs; every rule lives in one of the rule classes it calls. */
public final class Validator {
    public List<Problem> validate(Lab lab) {
        List<Problem> problems = new ArrayList<>();
        return problems;
    }
}
