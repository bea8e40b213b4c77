package nslab.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nslab.exec.Executor;
import nslab.exec.LiveState;

/**
 * What is live: the labs that have a journal, and for each of their namespaces what the kernel
 * says now (interfaces, addresses, routes) — read from the kernel, not from the script; as data,
 * which the console words ({@code StatusText}) or writes as JSON.
 */
public final class Status {
    private final Executor exec;
    private final Path runDir;

    public Status(Executor exec, Path runDir) {
        this.exec = exec;
        this.runDir = runDir;
    }

    /** Every live lab, or only {@code onlyLab} when not null; as maps ready for JSON. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> labs(String onlyLab) {
        LiveState live = new LiveState(exec);
        Set<String> existing = new HashSet<>(live.namespaces());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String name : Journal.labs(runDir)) {
            if (onlyLab != null && !onlyLab.equals(name)) continue;
            Map<String, Object> lab = new LinkedHashMap<>();
            lab.put("lab", name);
            Journal j;
            try {
                j = Journal.open(runDir, name);
            } catch (EngineException e) {
                lab.put("error", e.getMessage()); // one bad journal does not hide the other labs
                out.add(lab);
                continue;
            }
            Map<String, Object> namespaces = new LinkedHashMap<>();
            for (String ns : j.namespaces()) {
                Map<String, Object> d = existing.contains(ns) ? live.describe(ns) : new LinkedHashMap<>();
                d.put("present", existing.contains(ns));
                namespaces.put(ns, d);
            }
            lab.put("namespaces", namespaces);
            List<String> hostSteps = new ArrayList<>();
            List<Long> pids = new ArrayList<>();
            for (Journal.Entry e : j.live()) {
                if (e.effect().namespace() == null && !Footprint.onlyCreatesInNamespaces(e.step)) {
                    hostSteps.add(nslab.render.ShellQuoting.join(e.step.command().argv()));
                }
                if (Identities.sameProcess(e.pid(), e.pidStart())) pids.add(e.pid());
            }
            lab.put("host", hostSteps);
            lab.put("processes", pids);
            out.add(lab);
        }
        return out;
    }
}
