package nslab.check;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nslab.model.Lab;
import nslab.model.LinkCondition;
import nslab.model.Namespace;

/** netem and rate: only parameters and units tc understands. */
final class ConditionRules implements Rule {
    private static final Pattern TIME = Pattern.compile("\\d+(\\.\\d+)?(us|ms|s)");
    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?%");
    private static final Pattern RATE = Pattern.compile("\\d+(\\.\\d+)?([kmgt]?bit|[kmgt]?bps)", Pattern.CASE_INSENSITIVE);
    /** The value each of netem's keys (Words' table) takes. */
    static final Map<String, Pattern> NETEM = Map.of(
            "delay", TIME, "jitter", TIME, "loss", PERCENT, "duplicate", PERCENT, "corrupt", PERCENT,
            "reorder", PERCENT, "limit", Pattern.compile("\\d+"));

    @Override
    public void check(Lab lab, List<Problem> problems) {
        for (Namespace ns : lab.namespaces()) {
            for (LinkCondition c : ns.conditions()) {
                c.netem().forEach((key, value) -> {
                    Pattern p = NETEM.get(key);
                    // a key netem does not take is reported at the word itself (LabBuilder.checkKeys)
                    if (p != null && !p.matcher(value).matches()) {
                        problems.add(Problem.error(c.source(), "netem " + key + " '" + value + "' is not understood",
                                p == TIME ? "write a time such as '10ms'" : p == PERCENT ? "write a percentage such as '1%'"
                                        : "write a number of packets"));
                    }
                });
                if (c.netem().containsKey("jitter") && !c.netem().containsKey("delay")) {
                    problems.add(Problem.error(c.source(), "netem jitter needs a delay to vary",
                            "write: netem delay: '10ms', jitter: '2ms'"));
                }
                if (c.rate() != null && !RATE.matcher(c.rate()).matches()) {
                    problems.add(Problem.error(c.source(), "rate '" + c.rate() + "' is not understood",
                            "write a rate such as '10mbit', '512kbit' or '1gbit'"));
                }
            }
        }
    }
}
