package nslab.trace;

/**
 * One trace to make: from a namespace to a namespace or address, with a probe; {@code unansweredBefore} when a
 * ping on this path has just gone unanswered for a second (see {@link Tracer#trace(String, String, Probe, int, boolean)}).
 */
public record TraceRequest(String from, String to, Probe probe, boolean unansweredBefore) {}
