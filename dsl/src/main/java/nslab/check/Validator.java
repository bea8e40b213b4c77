package nslab.check;

import java.util.ArrayList;
import java.util.List;
import nslab.model.Lab;

/**
 * Checks a lab before anything runs and reports every problem at once. Each rule class holds
 * the checks for one part of the language; the Linux tools' own refusals are the guide.
 */
public final class Validator {
    private final List<Rule> rules = List.of(new NameRules(), new ReferenceRules(), new DeviceRules(),
            new AddressRules(), new RouteRules(), new FirewallRules(), new ConditionRules(), new SysctlRules(), new TextRules(),
            new ExpectationRules(), new RoutingRules());

    public List<Problem> validate(Lab lab) {
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : rules) rule.check(lab, problems);
        return problems;
    }
}
