package nslab.netlink;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nslab.exec.ExecResult;
import nslab.exec.Executor;

/**
 * Carries out {@code ip} batches and {@code sysctl} settings inside this process: rtnetlink
 * messages on one socket per namespace, /proc/sys files written from a thread inside the
 * namespace, no process started. Everything else (iptables, tc, run commands, the reads of
 * check and status) and any batch holding a line it does not know goes to {@code processes}.
 * <p>
 * It answers as the program it stands in for would: a failing batch line yields the words
 * {@code ip} prints and {@code Command failed -:N}, so that the engine's reading of failures,
 * its journal and its rollback stay exactly as they are for processes.
 */
public final class NetlinkExecutor implements Executor {
    private final Executor processes;
    /** Asked once, on the first batch: reads (check, status) never load JNA. */
    private volatile Boolean available;

    public NetlinkExecutor(Executor processes) {
        this.processes = processes;
    }

    /** Whether rtnetlink can be used here (JNA loads, and the kernel grants a route socket). */
    public boolean available() {
        Boolean a = available;
        if (a == null) {
            try {
                new NetlinkSocket().close();
                a = true;
            } catch (LastErrorException | LinkageError e) {
                a = false; // refused (seccomp, no JNA for this platform): ip does the work
            }
            available = a;
        }
        return a;
    }

    @Override
    public ExecResult run(List<String> argv, String stdin) {
        ExecResult r = null;
        if (!isIpBatch(argv) && sysctlStart(argv) < 0) return processes.run(argv, stdin);
        if (!available()) return processes.run(argv, stdin);
        if (isIpBatch(argv) && stdin != null) r = ipBatch(argv, stdin);
        else if (sysctlStart(argv) >= 0) r = sysctl(argv);
        return r != null ? r : processes.run(argv, stdin);
    }

    @Override
    public long start(List<String> argv, Path log, String mark) {
        return processes.start(argv, log, mark);
    }

    /** {@code ip [-n NS] [-force] -batch -}. */
    static boolean isIpBatch(List<String> argv) {
        int n = argv.size();
        if (n < 3 || !argv.get(0).equals("ip") || !argv.get(n - 2).equals("-batch") || !argv.get(n - 1).equals("-")) return false;
        List<String> opts = argv.subList(1, n - 2);
        int i = 0;
        if (i + 1 < opts.size() && opts.get(i).equals("-n")) i += 2;
        if (i < opts.size() && opts.get(i).equals("-force")) i++;
        return i == opts.size();
    }

    private ExecResult ipBatch(List<String> argv, String stdin) {
        String ns = argv.get(1).equals("-n") ? argv.get(2) : null;
        boolean force = argv.contains("-force");
        List<IpLine.Action> actions = new ArrayList<>();
        for (String line : stdin.split("\n")) {
            if (line.isBlank()) continue;
            IpLine.Action a = IpLine.parse(words(line));
            if (a == null) return null; // a form only ip knows: the whole batch goes to ip
            actions.add(a);
        }
        StringBuilder err = new StringBuilder();
        boolean failed = false;
        try (Place place = new Place(ns)) {
            if (ns != null) {
                try {
                    place.socket();
                } catch (LastErrorException e) {
                    return new ExecResult(argv, 255, "", "Cannot open network namespace \"" + ns + "\": "
                            + LibC.strerror(e.getErrorCode()) + "\n");
                }
            }
            for (int i = 0; i < actions.size(); ) {
                int end = i;
                String error;
                if (actions.get(i) instanceof IpLine.NetnsAdd) {
                    // a run of namespaces is made on one thread, one after another
                    List<String> names = new ArrayList<>();
                    while (end < actions.size() && actions.get(end) instanceof IpLine.NetnsAdd a) {
                        names.add(a.name());
                        end++;
                    }
                    int[] made = new int[1];
                    error = NamedNamespaces.add(names, made);
                    if (error != null) end = i + made[0];
                } else if (force && actions.get(i) instanceof IpLine.NetnsDel) {
                    // tolerant: every name of the run is deleted whatever became of the others
                    List<String> names = new ArrayList<>();
                    while (end < actions.size() && actions.get(end) instanceof IpLine.NetnsDel d) {
                        names.add(d.name());
                        end++;
                    }
                    String[] errors = NamedNamespaces.delete(names);
                    for (int k = 0; k < errors.length; k++) {
                        if (errors[k] == null) continue;
                        failed = true;
                        err.append(errors[k]).append('\n').append("Command failed -:").append(i + k + 1).append('\n');
                    }
                    i = end;
                    continue;
                } else {
                    error = apply(actions.get(i), place);
                }
                if (error != null) {
                    failed = true;
                    err.append(error).append('\n').append("Command failed -:").append(end + 1).append('\n');
                    if (!force) break;
                    end++;
                }
                i = end == i ? i + 1 : end;
            }
        }
        return new ExecResult(argv, failed ? 1 : 0, "", err.toString());
    }

    private static String apply(IpLine.Action a, Place place) {
        try {
            return a.apply(place);
        } catch (LastErrorException e) {
            return "RTNETLINK answers: " + LibC.strerror(e.getErrorCode());
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** Where {@code sysctl} begins in argv ({@code [ip netns exec NS] sysctl -w|-n ...}), or -1. */
    private static int sysctlStart(List<String> argv) {
        int at = argv.size() > 4 && argv.subList(0, 3).equals(List.of("ip", "netns", "exec")) ? 4 : 0;
        if (argv.size() < at + 3 || !argv.get(at).equals("sysctl")) return -1;
        String mode = argv.get(at + 1);
        if (!mode.equals("-w") && !mode.equals("-n")) return -1;
        for (String a : argv.subList(at + 2, argv.size())) {
            if (a.startsWith("-") || a.contains("/")) return -1; // keys with slashes: sysctl's own reading
            if (mode.equals("-w") != a.contains("=")) return -1;
        }
        return at;
    }

    /** {@code sysctl -w k=v ...} or {@code sysctl -n k ...}, through /proc/sys inside the namespace. */
    private ExecResult sysctl(List<String> argv) {
        int at = sysctlStart(argv);
        String ns = at == 4 ? argv.get(3) : null;
        boolean write = argv.get(at + 1).equals("-w");
        List<String> items = argv.subList(at + 2, argv.size());
        try (Place place = new Place(ns)) {
            return place.run(() -> {
                StringBuilder out = new StringBuilder();
                StringBuilder err = new StringBuilder();
                for (String item : items) {
                    int eq = item.indexOf('=');
                    String key = write ? item.substring(0, eq).trim() : item;
                    Path file = Path.of("/proc/sys", key.replace('.', '/'));
                    try {
                        if (write) {
                            String value = item.substring(eq + 1).trim();
                            Files.writeString(file, value + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.WRITE);
                            out.append(key).append(" = ").append(value).append('\n');
                        } else {
                            out.append(Files.readString(file, StandardCharsets.UTF_8).trim()).append('\n');
                        }
                    } catch (NoSuchFileException e) {
                        err.append("sysctl: cannot stat ").append(file).append(": No such file or directory\n");
                    } catch (IOException e) {
                        err.append("sysctl: ").append(write ? "setting key \"" : "reading key \"").append(key)
                                .append("\": ").append(e.getMessage()).append('\n');
                    }
                }
                return new ExecResult(argv, err.length() == 0 ? 0 : 255, out.toString(), err.toString());
            });
        } catch (LastErrorException e) {
            return new ExecResult(argv, 1, "", "Cannot open network namespace \"" + ns + "\": "
                    + LibC.strerror(e.getErrorCode()) + "\n");
        } catch (Exception e) {
            return null;
        }
    }

    /** The words of a batch line, as ip reads them (double quotes, backslash escapes). */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = null;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < line.length()) w.append(line.charAt(++i));
                else if (c == '"') quoted = false;
                else w.append(c);
            } else if (Character.isWhitespace(c)) {
                if (w != null) words.add(w.toString());
                w = null;
            } else {
                if (w == null) w = new StringBuilder();
                if (c == '"') quoted = true;
                else w.append(c);
            }
        }
        if (w != null) words.add(w.toString());
        return words;
    }
}
