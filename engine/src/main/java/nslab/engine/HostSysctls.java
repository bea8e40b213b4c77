package nslab.engine;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nslab.plan.Effect;
import nslab.exec.Executor;
import nslab.exec.ExecResult;

/**
 * Root-namespace sysctls are shared by every live lab, so they are counted rather than undone:
 * the first lab to set a key saves the value it had (with the per-interface values a global
 * forwarding key resets), the labs after it copy that saved value, and only the last one to leave
 * puts it back — unless someone else changed it since, which is then left as it is and said so.
 * Which value the labs left is the one the last of them wrote, kept in the {@link HostLedger}
 * (the lab that wrote it may have left already). Callers hold {@link LabLock#host}.
 */
final class HostSysctls {
    static final String ORIGINAL = "original";
    static final String INTERFACES = "interfaces";

    private final Executor exec;
    private final Path runDir;
    private final Path procSys;
    private final HostLedger ledger;

    HostSysctls(Executor exec, Path runDir) {
        this(exec, runDir, Path.of("/proc/sys"));
    }

    HostSysctls(Executor exec, Path runDir, Path procSys) {
        this.exec = exec;
        this.runDir = runDir;
        this.procSys = procSys;
        this.ledger = new HostLedger(runDir);
    }

    static boolean isHost(Journal.Entry e) {
        return e.effect().kind() == Effect.Kind.SYSCTL && e.effect().namespace() == null;
    }

    /** What each entry must remember before its key is set, given the other labs that set it too. */
    Map<String, String> before(Journal journal, Journal.Entry e) {
        Map<String, String> id = remember(journal, e);
        if (id.containsKey(ORIGINAL)) ledger.wrote(e.effect().name(), setValue(e));
        return id;
    }

    private Map<String, String> remember(Journal journal, Journal.Entry e) {
        Map<String, String> id = new LinkedHashMap<>();
        Journal.Entry shared = sharedWith(journal.lab(), e.effect().name());
        if (shared != null && shared.identity(ORIGINAL) != null) {
            id.put(ORIGINAL, shared.identity(ORIGINAL));
            if (shared.identity(INTERFACES) != null) id.put(INTERFACES, shared.identity(INTERFACES));
            return id;
        }
        String old = Sysctls.read(exec, e.effect().name());
        if (old == null) return id;
        id.put(ORIGINAL, old);
        String family = resetsInterfaces(e.effect().name());
        if (family != null) id.put(INTERFACES, interfaces(family));
        return id;
    }

    /** Gives back the keys of these entries that no other live lab still sets; returns the commands run. */
    List<String> restore(Journal journal, List<Journal.Entry> entries, List<String> notes) {
        List<String> lines = new ArrayList<>();
        for (Journal.Entry e : entries) {
            String key = e.effect().name();
            String original = e.identity(ORIGINAL);
            if (original == null) continue; // never read: the apply stopped before setting it
            Journal.Entry other = sharedWith(journal.lab(), key);
            if (other != null) continue; // still set by a live lab; the last one gives it back
            String now = Sysctls.read(exec, key);
            String set = ledger.lastWritten(key).orElse(setValue(e));
            ledger.released(key);
            if (now != null && set != null && norm(now).equals(norm(original)) && !norm(now).equals(norm(set))) {
                continue; // never set (a rolled-back apply), or given back already
            }
            if (now != null && set != null && !norm(now).equals(norm(set))) {
                notes.add("host sysctl " + key + " is " + norm(now) + " now, not the " + norm(set)
                        + " a lab set: changed since by someone else, so left as it is");
                continue;
            }
            List<String> argv = new ArrayList<>(List.of("sysctl", "-q", "-w", key + "=" + original));
            String saved = e.identity(INTERFACES);
            String family = resetsInterfaces(key);
            if (saved != null && family != null && !saved.isEmpty()) {
                for (String kv : saved.split(" ")) {
                    String[] f = kv.split("=", 2);
                    if (f.length == 2 && Files.isDirectory(procSys.resolve(family).resolve(f[0]))) {
                        argv.add(family + "/" + f[0] + "/forwarding=" + f[1]);
                    }
                }
            }
            ExecResult r = exec.run(argv, null);
            String failed = r.ok() ? "" : notVanished(r.err(), family);
            if (!failed.isEmpty()) notes.add("could not give host sysctl " + key + " back its value " + original + ": " + failed);
            lines.add(String.join(" ", argv));
        }
        return lines;
    }

    /** {@code cannot stat /proc/sys/net/ipv4/conf/veth-a/forwarding}, or the key written with dots. */
    private static final java.util.regex.Pattern INTERFACE_KEY = java.util.regex.Pattern.compile(
            "(?:/proc/sys/|key \")(net[/.]ipv[46][/.]conf)[/.](.+)[/.]forwarding");

    /**
     * What sysctl said, without its complaints about interfaces that are gone now: an interface
     * seen when the list was made can vanish before sysctl writes it (a veth whose peer's namespace
     * the kernel is still taking down), and its value needs no giving back.
     */
    private String notVanished(String err, String family) {
        List<String> kept = new ArrayList<>();
        for (String line : err.strip().split("\n")) {
            java.util.regex.Matcher m = INTERFACE_KEY.matcher(line);
            boolean gone = family != null && m.find() && !Files.isDirectory(procSys.resolve(family).resolve(m.group(2)));
            if (!gone && !line.isBlank()) kept.add(line.strip());
        }
        return String.join("; ", kept);
    }

    /** A live host sysctl entry of another lab on the same key, or null. */
    private Journal.Entry sharedWith(String lab, String key) {
        for (String other : Journal.labs(runDir)) {
            if (other.equals(lab)) continue;
            Journal j;
            try {
                j = Journal.open(runDir, other, true);
            } catch (RuntimeException e) {
                continue;
            }
            for (Journal.Entry e : j.live()) if (isHost(e) && e.effect().name().equals(key)) return e;
        }
        return null;
    }

    /** The directory of per-interface forwarding values a global key resets, or null. */
    static String resetsInterfaces(String key) {
        return switch (key) {
            case "net.ipv4.ip_forward", "net.ipv4.conf.all.forwarding" -> "net/ipv4/conf";
            case "net.ipv6.conf.all.forwarding" -> "net/ipv6/conf";
            default -> null;
        };
    }

    /** {@code name=value} of each interface's (and default's) forwarding, space-separated. */
    private String interfaces(String family) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(procSys.resolve(family))) {
            for (Path d : dirs) {
                String name = d.getFileName().toString();
                if (name.equals("all")) continue;
                String v = Sysctls.readProc(d.resolve("forwarding"));
                if (v != null) out.add(name + "=" + v); // else gone meanwhile
            }
        } catch (IOException e) {
            return "";
        }
        out.sort(null);
        return String.join(" ", out);
    }

    private static String setValue(Journal.Entry e) {
        for (String a : e.step.command().args()) {
            int eq = a.indexOf('=');
            if (eq > 0) return a.substring(eq + 1);
        }
        return null;
    }

    private static String norm(String v) {
        return v.trim().replaceAll("\\s+", " ");
    }
}
