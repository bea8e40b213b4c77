package nslab.lang;

import nslab.model.Expectation;
import nslab.model.Source;

/** The words of an {@code expect} block. */
public final class ExpectBody {
    private final LabBuilder lab;

    ExpectBody(LabBuilder lab) {
        this.lab = lab;
    }

    public Target reach(String from) {
        return new Target(lab, from, true, ScriptLines.here());
    }

    public Target unreachable(String from) {
        return new Target(lab, from, false, ScriptLines.here());
    }

    /** {@code reach 'client' to 'server'}: the expectation is complete once its target is known. */
    public static final class Target {
        private final LabBuilder lab;
        private final String from;
        private final boolean reachable;
        private final Source source;

        Target(LabBuilder lab, String from, boolean reachable, Source source) {
            this.lab = lab;
            this.from = from;
            this.reachable = reachable;
            this.source = source;
        }

        public void to(String target) {
            lab.expect(new Expectation(from, target, reachable, null, source));
        }

        /** {@code reach 'a' to '10.0.0.2', dev: 'veth0'}: the ping leaves by that interface. */
        public void to(java.util.Map<String, ?> options, String target) {
            Object dev = options.get("dev");
            lab.expect(new Expectation(from, target, reachable, dev == null ? null : String.valueOf(dev), source));
        }
    }
}
