package nslab.lang;

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
