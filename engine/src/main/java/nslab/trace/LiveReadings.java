package nslab.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nslab.exec.ExecResult;
import nslab.exec.Executor;
import nslab.exec.LiveState;
import nslab.model.IpPrefix;
import nslab.model.Namespace;

/**
 * The kernel's answers, through the engine's {@link Executor}: {@code ip -j route get} (with
 * {@code iif} and {@code from} for a packet being forwarded, which makes the kernel apply its
 * forwarding and reverse-path checks), {@code ip -j neigh}, {@code sysctl -n},
 * {@code iptables-save}, {@code ss}. Rules and sysctls are read once per namespace.
 */
final class LiveReadings implements Readings {
    private final Executor exec;
    private final Map<String, List<FirewallLine>> rules = new HashMap<>();
    private final Map<String, List<RouteEntry>> routes = new HashMap<>();
    private final Map<String, List<Local>> locals = new HashMap<>();
    private final Map<String, List<Map<String, Object>>> links = new HashMap<>();

    LiveReadings(Executor exec) {
        this.exec = exec;
    }

    @Override
    public boolean live() {
        return true;
    }

    /** {@code ip} in a namespace ({@code host}: the root one). */
    static List<String> ip(String ns, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (!Namespace.HOST.equals(ns)) argv.addAll(List.of("-n", ns));
        argv.addAll(List.of(args));
        return argv;
    }

    /** Any other program in a namespace. */
    static List<String> in(String ns, String... args) {
        List<String> argv = new ArrayList<>();
        if (!Namespace.HOST.equals(ns)) argv.addAll(List.of("ip", "netns", "exec", ns));
        argv.addAll(List.of(args));
        return argv;
    }

    @Override
    public RouteAnswer route(String ns, String dst, String src, String iif, String oif, boolean v6) {
        List<String> argv = ip(ns, "-j", v6 ? "-6" : "-4", "route", "get", dst);
        if (iif != null) {
            if (src != null) argv.addAll(List.of("from", src));
            argv.addAll(List.of("iif", iif));
        } else if (oif != null) {
            argv.addAll(List.of("oif", oif));
        }
        ExecResult r = exec.run(argv, null);
        if (!r.ok()) return RouteAnswer.failed(r.err().strip().replaceFirst("^RTNETLINK answers: ", ""));
        List<Map<String, Object>> answers = LiveState.objects(r.out());
        if (answers.isEmpty()) return RouteAnswer.failed("no answer");
        Map<String, Object> a = answers.get(0);
        String type = (String) a.get("type");
        if (type != null && !type.equals("unicast") && !type.equals("local")) return RouteAnswer.failed(type);
        return new RouteAnswer("local".equals(type), (String) a.get("dev"), (String) a.get("gateway"),
                (String) a.get("prefsrc"), null);
    }

    @Override
    public String sysctl(String ns, String key) {
        List<String> values = exec.readSysctls(Namespace.HOST.equals(ns) ? null : ns, List.of(key));
        return values == null ? null : values.get(0).strip();
    }

    @Override
    public List<FirewallLine> rules(String ns, boolean v6) {
        return rules.computeIfAbsent(ns + (v6 ? "/6" : "/4"), k -> {
            ExecResult r = exec.run(in(ns, v6 ? "ip6tables-save" : "iptables-save"), null);
            return r.ok() ? FirewallLine.parseSave(r.out()) : List.of();
        });
    }

    @Override
    public String neighbour(String ns, String dev, String address, boolean v6) {
        ExecResult r = exec.run(ip(ns, "-j", v6 ? "-6" : "-4", "neigh", "show", "to", address, "dev", dev), null);
        if (!r.ok()) return null;
        for (Map<String, Object> n : LiveState.objects(r.out())) {
            if (n.get("state") instanceof List<?> states && !states.isEmpty()) return String.valueOf(states.get(0));
        }
        return null;
    }

    @Override
    public Boolean listening(String ns, Probe probe) {
        if (probe.kind() == Probe.Kind.ICMP) return null;
        String flags = probe.kind() == Probe.Kind.TCP ? "-Hltn" : "-Hlun";
        ExecResult r = exec.run(in(ns, "ss", flags, "sport", "=", ":" + probe.port()), null);
        return r.ok() ? !r.out().isBlank() : null;
    }

    @Override
    public List<RouteEntry> routes(String ns, boolean v6) {
        return routes.computeIfAbsent(ns + (v6 ? "/6" : "/4"), k -> {
            List<RouteEntry> out = new ArrayList<>();
            ExecResult r = exec.run(ip(ns, "-j", v6 ? "-6" : "-4", "route", "show", "table", "main"), null);
            if (!r.ok()) return out;
            for (Map<String, Object> route : LiveState.objects(r.out())) {
                String dst = (String) route.get("dst");
                IpPrefix prefix = IpPrefix.parse("default".equals(dst) ? (v6 ? "::/0" : "0.0.0.0/0") : dst).orElse(null);
                if (prefix == null) continue;
                String type = route.get("type") instanceof String t ? t : "unicast";
                out.add(new RouteEntry(prefix, type, (String) route.get("dev"), (String) route.get("gateway")));
            }
            return out;
        });
    }

    @Override
    public List<Local> locals(String ns) {
        return locals.computeIfAbsent(ns, k -> {
            List<Local> out = new ArrayList<>();
            ExecResult r = exec.run(ip(ns, "-j", "address", "show"), null);
            if (!r.ok()) return out;
            for (Map<String, Object> link : LiveState.objects(r.out())) {
                if (!(link.get("addr_info") instanceof List<?> infos)) continue;
                for (Object o : infos) {
                    if (o instanceof Map<?, ?> info && info.get("local") instanceof String a) {
                        IpPrefix.parse(a + "/" + info.get("prefixlen")).or(() -> IpPrefix.parse(a))
                                .ifPresent(p -> out.add(new Local(p, (String) link.get("ifname"))));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public Boolean linkUp(String ns, String dev) {
        List<Map<String, Object>> all = links.computeIfAbsent(ns, k -> {
            ExecResult r = exec.run(ip(ns, "-j", "link", "show"), null);
            return r.ok() ? LiveState.objects(r.out()) : List.of();
        });
        for (Map<String, Object> link : all) {
            if (dev.equals(link.get("ifname")) && link.get("flags") instanceof List<?> flags) return flags.contains("UP");
        }
        return null;
    }
}
