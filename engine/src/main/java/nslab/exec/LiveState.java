package nslab.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import groovy.json.JsonException;
import groovy.json.JsonSlurper;

/** What the kernel has now, read with {@code ip -j} and {@code ip netns list}. */
public final class LiveState {
    private final Executor exec;

    public LiveState(Executor exec) {
        this.exec = exec;
    }

    /** The named network namespaces ({@code ip netns list}). */
    public List<String> namespaces() {
        ExecResult r = exec.run(List.of("ip", "netns", "list"), null);
        List<String> names = new ArrayList<>();
        if (!r.ok()) return names;
        for (String line : r.out().split("\n")) {
            String t = line.trim();
            if (!t.isEmpty()) names.add(t.split("\\s+")[0]);
        }
        return names;
    }

    /** Interface names in a namespace (null: the root namespace). */
    public List<String> links(String namespace) {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> l : objects(ip(namespace, "-j", "link", "show"))) {
            names.add(String.valueOf(l.get("ifname")));
        }
        return names;
    }

    /** Each interface of a namespace (null: the root namespace) with its operational state (UP, DOWN, LOWERLAYERDOWN, ...). */
    public Map<String, String> linkStates(String namespace) {
        Map<String, String> states = new LinkedHashMap<>();
        for (Map<String, Object> l : objects(ip(namespace, "-j", "link", "show"))) {
            states.put(String.valueOf(l.get("ifname")), String.valueOf(l.get("operstate")));
        }
        return states;
    }

    /** One namespace's interfaces with their state and addresses, and its routes of both families. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> describe(String namespace) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> ifaces = new ArrayList<>();
        for (Map<String, Object> l : objects(ip(namespace, "-j", "addr", "show"))) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("name", l.get("ifname"));
            i.put("kind", kind(l));
            i.put("state", l.get("operstate"));
            i.put("mtu", l.get("mtu"));
            i.put("mac", l.get("address"));
            if (l.get("master") != null) i.put("master", l.get("master"));
            List<String> addrs = new ArrayList<>();
            Object infos = l.get("addr_info");
            if (infos instanceof List) {
                for (Object o : (List<Object>) infos) {
                    Map<String, Object> a = (Map<String, Object>) o;
                    if ("link".equals(a.get("scope")) && "inet6".equals(a.get("family"))) continue; // fe80::
                    addrs.add(a.get("local") + "/" + a.get("prefixlen"));
                }
            }
            i.put("addresses", addrs);
            ifaces.add(i);
        }
        out.put("interfaces", ifaces);
        List<String> routes = new ArrayList<>();
        for (String family : List.of("-4", "-6")) {
            for (String line : ip(namespace, family, "route", "show").split("\n")) {
                if (!line.isBlank() && !line.startsWith("fe80::") && !line.startsWith("multicast")) routes.add(line.trim());
            }
        }
        out.put("routes", routes);
        return out;
    }

    /** {@code ip -j} prints an array of objects; nothing (an ip that failed) or bad JSON reads as none. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(String json) {
        if (json.isBlank()) return List.of();
        Object parsed;
        try {
            parsed = new JsonSlurper().parseText(json);
        } catch (JsonException e) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (parsed instanceof List) for (Object o : (List<Object>) parsed) if (o instanceof Map) out.add((Map<String, Object>) o);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static String kind(Map<String, Object> l) {
        Object info = l.get("linkinfo");
        if (info instanceof Map && ((Map<String, Object>) info).get("info_kind") != null) {
            return String.valueOf(((Map<String, Object>) info).get("info_kind"));
        }
        return String.valueOf(l.getOrDefault("link_type", "?"));
    }

    private String ip(String namespace, String... args) {
        List<String> argv = new ArrayList<>(List.of("ip"));
        if (namespace != null) argv.addAll(List.of("-n", namespace));
        if (args[0].equals("-j") && args.length > 1 && (args[1].equals("link") || args[1].equals("addr"))) {
            argv.add("-d"); // details: the device kind
        }
        argv.addAll(List.of(args));
        ExecResult r = exec.run(argv, null);
        return r.ok() ? r.out() : "";
    }
}
