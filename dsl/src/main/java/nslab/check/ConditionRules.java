package nslab.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import nslab.model.Bounds;
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

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static boolean fits(String digits, Bounds bounds) {
        BigDecimal v = new BigDecimal(digits);
        return v.compareTo(BigDecimal.valueOf(bounds.low())) >= 0 && v.compareTo(BigDecimal.valueOf(bounds.high())) <= 0;
    }

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
                    } else if (p == PERCENT && new BigDecimal(value.substring(0, value.length() - 1)).compareTo(HUNDRED) > 0) {
                        problems.add(Problem.error(c.source(), "netem " + key + " '" + value + "' is more than 100%",
                                "write a percentage from 0% to 100%"));
                    } else if (key.equals("limit") && !fits(value, Bounds.NETEM_LIMIT)) {
                        problems.add(Problem.error(c.source(), "netem limit " + value + " is out of range",
                                "write a number of packets from " + Bounds.NETEM_LIMIT.range()));
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
