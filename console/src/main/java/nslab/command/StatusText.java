package nslab.command;

import java.util.List;
import java.util.Map;

/** What {@code status} prints: the engine's live labs ({@code Status.labs}, as for JSON) in words. */
final class StatusText {
    private StatusText() {}

    /** Every live lab, or the one asked for ({@code onlyLab}, null: all) when none is live. */
    @SuppressWarnings("unchecked")
    static String of(List<Map<String, Object>> labs, String onlyLab) {
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
