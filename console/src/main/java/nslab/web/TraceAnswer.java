package nslab.web;

import java.util.Map;
import nslab.command.TraceCommand;
import nslab.command.TraceText;
import nslab.model.Lab;
import nslab.report.JsonShapes;
import nslab.trace.Probe;
import nslab.trace.Trace;
import nslab.trace.Tracer;

/** A ping's walk from one namespace to another and back, as {@code trace} finds it, in trace's JSON shape. */
final class TraceAnswer {
    private TraceAnswer() {}

    static Map<String, Object> of(WebLab web, String from, String to) {
        Lab lab = web.lab();
        String problem = from == null || to == null ? "give from= and to=" : TraceCommand.problem(lab, from, to);
        if (problem != null) throw new IllegalArgumentException(problem);
        Probe ping = Probe.icmp(false, null);
        Trace t = web.engine() == null ? Tracer.onModel(lab, TraceText.WORDS).trace(from, to, ping)
                : web.engine().trace(lab, from, to, ping, TraceText.WORDS);
        return JsonShapes.trace(t);
    }
}
