package nslab.trace;

import java.util.List;

/**
 * Where a probe from {@code from} to {@code address} went, hop by hop, there and back, and what
 * stopped it. {@code verdict} is the one line that says it all ("dropped in gateway: ..."), with
 * {@code fix} what to write in the lab to change that (null when it got there and back).
 * {@code live} says whether the kernel was asked; {@code confirmed} is what the probe itself did
 * (null when nothing was sent), and {@code disagreement} names where the probe and the kernel's
 * tables tell different stories.
 */
public record Trace(String from, String to, String address, Probe probe, boolean live,
                    List<Hop> there, List<Hop> back, boolean reached, String verdict, String fix,
                    Boolean confirmed, String disagreement) {
    public Trace {
        there = List.copyOf(there);
        back = List.copyOf(back);
    }

    /** There and back: by the probe when one was sent (the kernel's truth), else by the walk. */
    public boolean ok() {
        return confirmed != null ? confirmed : reached;
    }

    /** The same trace with another fix. */
    public Trace withFix(String other) {
        return new Trace(from, to, address, probe, live, there, back, reached, verdict, other, confirmed, disagreement);
    }

    /** The verdict and its fix on one line, as {@code check} prints it. */
    public String oneLine() {
        return fix == null ? verdict : verdict + " — " + fix;
    }
}
