package nslab.engine;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nslab.plan.Effect;
import nslab.plan.Step;
import nslab.exec.Executor;
import nslab.exec.LiveState;
import nslab.exec.ExecResult;

/**
 * Compares the steps a journal says are in effect with what the kernel has now, namespace by
 * namespace ({@code ip -d -j addr}, {@code ip -j route} of both families, {@code sysctl -n}):
 * the {@link Drift}s. Firewall rules, queueing disciplines and processes are not compared.
 */
public final class LiveComparison {
    private static final int READERS = 4;

    private final Executor exec;

    public LiveComparison(Executor exec) {
        this.exec = exec;
    }

    /** Everything that differs, in the order of the steps, then what the lab does not declare. */
    public List<Drift> of(List<Journal.Entry> live) {
        Set<String> present = new HashSet<>(new LiveState(exec).namespaces());
        List<Drift> out = new ArrayList<>();
        Set<String> created = new LinkedHashSet<>();
        Set<String> gone = new HashSet<>();
        for (Journal.Entry e : live) {
            String ns = e.effect().createdNamespace();
            if (ns == null) continue;
            created.add(ns);
            if (!present.contains(ns)) {
                gone.add(ns);
                out.add(new Drift(Drift.Kind.NAMESPACE_MISSING, ns, ns, null, null, e.step));
            }
        }
        Map<String, List<Journal.Entry>> byNamespace = new LinkedHashMap<>();
        for (Journal.Entry e : live) {
            Effect f = e.effect();
            if (f.createdNamespace() != null) continue;
            for (String ns : placesOf(f)) {
                if (ns == null || !gone.contains(ns)) byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(e);
            }
        }
        for (String ns : created) if (!gone.contains(ns)) byNamespace.computeIfAbsent(ns, k -> new ArrayList<>());
        Map<String, Kernel> kernels = read(byNamespace);
        Set<Journal.Entry> missingDevices = new HashSet<>();
        for (var n : byNamespace.entrySet()) {
            Kernel k = kernels.get(n.getKey());
            for (Journal.Entry e : n.getValue()) compare(n.getKey(), e, k, out, missingDevices);
        }
        for (var n : byNamespace.entrySet()) {
            if (n.getKey() != null && created.contains(n.getKey())) extras(n.getKey(), n.getValue(), kernels.get(n.getKey()), out);
        }
        return out;
    }

    /**
     * The entries to run again so that what is missing comes back: those of the drifts that can
     * be put back, and everything that lives in a device or namespace that is gone.
     */
    static List<Journal.Entry> toRestore(List<Journal.Entry> live, List<Drift> drifts) {
        Set<Step> steps = new HashSet<>();
        for (Drift d : drifts) if (d.restorable()) steps.add(d.step());
        List<Journal.Entry> seeds = live.stream().filter(e -> steps.contains(e.step)).toList();
        return seeds.isEmpty() ? List.of() : Footprint.withAll(live, seeds);
    }

    /** The namespaces a step's effect is to be looked for in (null: the root namespace). */
    private static List<String> placesOf(Effect f) {
        if (f.kind() == Effect.Kind.DEVICE) {
            List<String> out = new ArrayList<>();
            for (Effect.Device d : f.creates()) if (!out.contains(d.namespace())) out.add(d.namespace());
            return out;
        }
        List<String> one = new ArrayList<>();
        one.add(f.namespace());
        return one;
    }

    private void compare(String ns, Journal.Entry e, Kernel k, List<Drift> out, Set<Journal.Entry> missingDevices) {
        Effect f = e.effect();
        List<String> args = e.step.command().args();
        switch (f.kind()) {
            case DEVICE -> {
                for (Effect.Device d : f.creates()) {
                    if (Objects.equals(d.namespace(), ns) && !k.links.containsKey(d.name()) && missingDevices.add(e)) {
                        out.add(new Drift(Drift.Kind.DEVICE_MISSING, ns, d.name(), null, null, e.step));
                    }
                }
            }
            case LINK_SETTING -> {
                Link l = k.links.get(f.name());
                if (l == null || args.size() < 5 || !args.get(0).equals("link") || !args.get(1).equals("set")) return;
                String what = args.get(4);
                String value = args.size() > 5 ? args.get(5) : null;
                switch (what) {
                    case "up" -> {
                        if (!l.up) out.add(new Drift(Drift.Kind.DOWN, ns, f.name(), "up", "down", e.step));
                    }
                    case "mtu" -> {
                        if (!value.equals(l.mtu)) out.add(new Drift(Drift.Kind.SETTING_DIFFERS, ns, f.name(), "mtu " + value, "mtu " + l.mtu, e.step));
                    }
                    case "address" -> {
                        if (!value.equalsIgnoreCase(l.mac)) out.add(new Drift(Drift.Kind.SETTING_DIFFERS, ns, f.name(), "address " + value, "address " + l.mac, e.step));
                    }
                    case "master" -> {
                        if (!value.equals(l.master)) {
                            out.add(new Drift(Drift.Kind.SETTING_DIFFERS, ns, f.name(), "master " + value,
                                    l.master == null ? "no master" : "master " + l.master, e.step));
                        }
                    }
                    default -> { }
                }
            }
            case ADDRESS -> {
                String dev = f.on().isEmpty() ? null : f.on().get(0).name();
                Link l = k.links.get(dev);
                if (l != null && !l.addresses.contains(address(f.name()))) {
                    out.add(new Drift(Drift.Kind.ADDRESS_MISSING, ns, f.name() + " on " + dev, null, null, e.step));
                }
            }
            case ROUTE -> {
                String dev = f.on().isEmpty() ? null : f.on().get(0).name();
                if (dev != null && !k.links.containsKey(dev)) return; // reported with its device
                String dst = destination(f.name());
                String via = after(args, "via");
                String gateway = k.routes.get(dst);
                if (!k.routes.containsKey(dst)) {
                    out.add(new Drift(Drift.Kind.ROUTE_MISSING, ns, f.name(), via, null, e.step));
                } else if (via != null && !sameAddress(via, gateway)) {
                    // another route holds the destination: putting ours back would clash with it
                    out.add(new Drift(Drift.Kind.ROUTE_MISSING, ns, f.name(), via, gateway == null ? "no gateway" : gateway, null));
                }
            }
            case SYSCTL -> {
                String setting = args.size() >= 2 ? args.get(args.size() - 1) : "";
                int eq = setting.indexOf('=');
                if (eq < 0) return;
                String wanted = setting.substring(eq + 1).trim().replaceAll("\\s+", " ");
                String found = k.sysctls.get(f.name());
                if (found != null && !found.equals(wanted)) {
                    out.add(new Drift(Drift.Kind.SYSCTL_DIFFERS, ns, f.name(), wanted, found, e.step));
                }
            }
            default -> { }
        }
    }

    /** What a namespace the lab created has that the lab does not declare. */
    private static void extras(String ns, List<Journal.Entry> entries, Kernel k, List<Drift> out) {
        Set<String> devices = new HashSet<>(Set.of("lo"));
        Set<String> addresses = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (Journal.Entry e : entries) {
            Effect f = e.effect();
            for (Effect.Device d : f.creates()) if (Objects.equals(d.namespace(), ns)) devices.add(d.name());
            for (Effect.Device d : f.on()) if (Objects.equals(d.namespace(), ns)) devices.add(d.name());
            if (f.kind() == Effect.Kind.ADDRESS && !f.on().isEmpty()) addresses.add(f.on().get(0).name() + " " + address(f.name()));
            if (f.kind() == Effect.Kind.ROUTE) routes.add(destination(f.name()));
        }
        for (Link l : k.links.values()) {
            if (!devices.contains(l.name)) {
                out.add(new Drift(Drift.Kind.EXTRA_DEVICE, ns, l.name, null, null, null));
                continue;
            }
            for (String a : l.addresses) {
                if (!addresses.contains(l.name + " " + a)) out.add(new Drift(Drift.Kind.EXTRA_ADDRESS, ns, a + " on " + l.name, null, null, null));
            }
        }
        for (String dst : k.ownRoutes) {
            if (!routes.contains(dst)) out.add(new Drift(Drift.Kind.EXTRA_ROUTE, ns, dst, null, null, null));
        }
    }

    /** What the kernel has in one namespace. */
    private static final class Kernel {
        final Map<String, Link> links = new LinkedHashMap<>();
        /** Destination to gateway (null: none) of every route of the main table. */
        final Map<String, String> routes = new HashMap<>();
        /** The destinations of routes the kernel did not add by itself (with an address, for IPv6 multicast). */
        final List<String> ownRoutes = new ArrayList<>();
        final Map<String, String> sysctls = new HashMap<>();
    }

    private record Link(String name, boolean up, String mtu, String mac, String master, Set<String> addresses) {}

    private Map<String, Kernel> read(Map<String, List<Journal.Entry>> byNamespace) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(READERS, byNamespace.size())));
        try {
            Map<String, Future<Kernel>> futures = new HashMap<>();
            for (var n : byNamespace.entrySet()) futures.put(n.getKey(), pool.submit(() -> read(n.getKey(), n.getValue())));
            Map<String, Kernel> out = new HashMap<>();
            for (var f : futures.entrySet()) out.put(f.getKey(), f.getValue().get());
            return out;
        } catch (Exception ex) {
            throw new IllegalStateException("reading the live lab: " + ex, ex);
        } finally {
            pool.shutdown();
        }
    }

    @SuppressWarnings("unchecked")
    private Kernel read(String ns, List<Journal.Entry> entries) {
        Kernel k = new Kernel();
        for (Map<String, Object> l : LiveState.objects(ip(ns, "-d", "-j", "addr", "show"))) {
            Set<String> addrs = new LinkedHashSet<>();
            if (l.get("addr_info") instanceof List<?> infos) {
                for (Object o : infos) {
                    Map<String, Object> a = (Map<String, Object>) o;
                    if ("link".equals(a.get("scope")) || "host".equals(a.get("scope"))) continue; // fe80::, 127.0.0.1, ::1
                    addrs.add(address(a.get("local") + "/" + a.get("prefixlen")));
                }
            }
            List<Object> flags = l.get("flags") instanceof List<?> fl ? (List<Object>) fl : List.of();
            String name = String.valueOf(l.get("ifname"));
            k.links.put(name, new Link(name, flags.contains("UP"), String.valueOf(l.get("mtu")),
                    l.get("address") == null ? null : String.valueOf(l.get("address")),
                    l.get("master") == null ? null : String.valueOf(l.get("master")), addrs));
        }
        for (String family : List.of("-4", "-6")) {
            for (Map<String, Object> r : LiveState.objects(ip(ns, "-j", family, "route", "show"))) {
                String dst = destination(String.valueOf(r.get("dst")));
                k.routes.put(dst, r.get("gateway") == null ? null : String.valueOf(r.get("gateway")));
                boolean kernels = "kernel".equals(r.get("protocol")) || r.get("type") != null && !"unicast".equals(r.get("type"));
                if (!kernels) k.ownRoutes.add(dst);
            }
        }
        for (Journal.Entry e : entries) {
            if (e.effect().kind() != Effect.Kind.SYSCTL) continue;
            List<String> value = exec.readSysctls(ns, List.of(e.effect().name()));
            if (value != null) k.sysctls.put(e.effect().name(), value.get(0).trim().replaceAll("\\s+", " "));
        }
        return k;
    }

    private String ip(String ns, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (ns != null) argv.addAll(List.of("-n", ns));
        argv.addAll(List.of(args));
        ExecResult r = exec.run(argv, null);
        return r.ok() ? r.out() : "";
    }

    private static String after(List<String> args, String word) {
        int i = args.indexOf(word);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /** A route's destination as one text for the lab's words and the kernel's: {@code default}, or an address with its length only when it is not a whole address. */
    static String destination(String text) {
        if (text == null || text.equals("default") || text.equals("0.0.0.0/0") || text.equals("::/0")) return "default";
        String a = address(text);
        return a.endsWith("/32") && !a.contains(":") || a.endsWith("/128") ? a.substring(0, a.lastIndexOf('/')) : a;
    }

    /** An address with its prefix length ({@code /32} or {@code /128} when none is written), IPv6 in one spelling. */
    static String address(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        String canonical = canonical(host);
        String length = slash < 0 ? (canonical.contains(":") ? "128" : "32") : text.substring(slash + 1);
        return canonical + "/" + length;
    }

    private static boolean sameAddress(String a, String b) {
        return b != null && canonical(a).equals(canonical(b));
    }

    private static String canonical(String host) {
        if (!host.contains(":")) return host;
        try {
            return InetAddress.getByName(host).getHostAddress(); // a literal: no lookup
        } catch (UnknownHostException | SecurityException e) {
            return host;
        }
    }
}
