package nslab.lang;

import nslab.model.Expectation;
import nslab.model.Source;

/** The words of an {@code expect} block. */
public final class ExpectBody {
    private final LabBuilder lab;

    ExpectBody(LabBuilder lab) {
        this.lab = lab;
    }

    public Target reach(CharSequence from) {
        return new Target(lab, Text.of(from), true, ScriptLines.here());
    }

    public Target unreachable(CharSequence from) {
        return new Target(lab, Text.of(from), false, ScriptLines.here());
    }

    // ---- the top level's words, which the script itself would otherwise run here ----

    public Object lab(Object... args) {
        return Misplaced.word(lab, "lab", args, Words.Context.EXPECT, ExpectBody.class);
    }

    public Object namespace(Object... args) {
        return Misplaced.word(lab, "namespace", args, Words.Context.EXPECT, ExpectBody.class);
    }

    public Object ns(Object... args) {
        return Misplaced.word(lab, "ns", args, Words.Context.EXPECT, ExpectBody.class);
    }

    public Object host(Object... args) {
        return Misplaced.word(lab, "host", args, Words.Context.EXPECT, ExpectBody.class);
    }

    public Object link(Object... args) {
        return Misplaced.word(lab, "link", args, Words.Context.EXPECT, ExpectBody.class);
    }

    public Object expect(Object... args) {
        return Misplaced.word(lab, "expect", args, Words.Context.EXPECT, ExpectBody.class);
    }

    /** A word of another block: reported, and the script reads on. */
    public Object methodMissing(String name, Object args) {
        return Misplaced.word(lab, name, args, Words.Context.EXPECT, ExpectBody.class);
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
