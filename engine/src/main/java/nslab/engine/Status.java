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
 * says now (interfaces, addresses, routes) — read from the kernel, not from the script.
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

    /** The same as text, for people. */
    @SuppressWarnings("unchecked")
    public String text(String onlyLab) {
        List<Map<String, Object>> labs = labs(onlyLab);
        if (labs.isEmpty()) return onlyLab == null ? "no live labs\n" : "lab " + onlyLab + " is not live\n";
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> lab : labs) {
            sb.append("lab ").append(lab.get("lab")).append('\n');
            if (lab.get("error") != null) {
                sb.append("  journal unreadable: ").append(lab.get("error")).append('\n');
                continue;
            }
            Map<String, Object> nss = (Map<String, Object>) lab.get("namespaces");
            for (var e : nss.entrySet()) {
                Map<String, Object> d = (Map<String, Object>) e.getValue();
                sb.append("  namespace ").append(e.getKey());
                if (!Boolean.TRUE.equals(d.get("present"))) {
                    sb.append("  (missing: deleted outside nslab)\n");
                    continue;
                }
                sb.append('\n');
                for (Object o : (List<Object>) d.get("interfaces")) {
                    Map<String, Object> i = (Map<String, Object>) o;
                    sb.append(String.format("    %-15s %-8s %-8s %s%n", i.get("name"), i.get("kind"), i.get("state"),
                            String.join(" ", (List<String>) i.get("addresses"))
                                    + (i.get("master") != null ? " master " + i.get("master") : "")));
                }
                for (Object r : (List<Object>) d.get("routes")) sb.append("    route ").append(r).append('\n');
            }
            List<String> host = (List<String>) lab.get("host");
            if (!host.isEmpty()) {
                sb.append("  host (root namespace) changes\n");
                for (String h : host) sb.append("    ").append(h).append('\n');
            }
            List<Long> pids = (List<Long>) lab.get("processes");
            if (!pids.isEmpty()) sb.append("  processes ").append(pids).append('\n');
        }
        return sb.toString();
    }
}
