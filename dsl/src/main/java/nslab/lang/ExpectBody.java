package nslab.lang;

import nslab.check.Problem;
import nslab.model.Convergence;
import nslab.model.Expectation;
import nslab.model.Source;

/** The words of an {@code expect} block. */
public final class ExpectBody extends BlockBody {

    ExpectBody(LabBuilder lab) {
        super(lab, Words.Context.EXPECT);
    }

    public Target reach(CharSequence from) {
        return new Target(lab, Text.of(from), true, ScriptLines.here());
    }

    public Target unreachable(CharSequence from) {
        return new Target(lab, Text.of(from), false, ScriptLines.here());
    }

    /** {@code converged within: '30s'}: how long apply and check wait for the daemons' routes. */
    public void converged(java.util.Map<String, ?> options) {
        Source here = ScriptLines.here();
        lab.checkKeys("converged", options, here);
        Object within = options.get("within");
        String written = within == null ? "30s" : Text.of(within);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,5})(s|m)").matcher(written);
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            lab.problem(Problem.error(here, "converged within: '" + written + "' is not a time nslab reads",
                    "write seconds or minutes, more than zero: converged within: '30s' (or '2m')"));
            return;
        }
        long seconds = Long.parseLong(m.group(1)) * (m.group(2).equals("m") ? 60 : 1);
        lab.converge(new Convergence(seconds, written, here));
    }

    /**
     * {@code reach 'client' to 'server'}: the expectation is recorded at once without a target,
     * so that a {@code reach 'client'} left incomplete is reported, and completed by {@code to}.
     */
    public static final class Target {
        private final LabBuilder lab;
        private Expectation expectation;

        Target(LabBuilder lab, String from, boolean reachable, Source source) {
            this.lab = lab;
            this.expectation = new Expectation(from, null, reachable, null, source);
            lab.expect(expectation);
        }

        public void to(CharSequence target) {
            to(java.util.Map.of(), target);
        }

        /** {@code reach 'a' to '10.0.0.2', dev: 'veth0'}: the ping leaves by that interface. */
        public void to(java.util.Map<String, ?> options, CharSequence target) {
            lab.checkKeys("to", options, ScriptLines.here());
            Object dev = options.get("dev");
            Expectation complete = new Expectation(expectation.from(), Text.of(target), expectation.reachable(),
                    dev == null ? null : Text.of(dev), expectation.source());
            lab.replaceExpectation(expectation, complete);
            expectation = complete;
        }
    }
}
