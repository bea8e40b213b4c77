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
import nslab.exec.Outcome;
import nslab.plan.Operation;
import nslab.plan.Tool;

/**
 * Carries out {@code ip} and {@code sysctl} operations inside this process: rtnetlink requests
 * built from each operation's fields ({@link IpOperations}) on one socket per namespace, /proc/sys
 * files written and read from a thread inside the namespace, no process started. Everything else
 * (iptables, tc, run commands, the reads of check and status), and a batch holding an operation
 * nobody typed, goes to {@code processes}.
 * <p>
 * It answers with a typed {@link Outcome}: which operation failed, the kernel's error number, and
 * its words as the program it stands in for prints them, so that both executors report alike.
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
        return processes.run(argv, stdin);
    }

    @Override
    public ExecResult runTied(List<String> argv, String stdin) {
        return processes.runTied(argv, stdin);
    }

    @Override
    public ExecResult addNamespaces(List<String> argv, String stdin, java.util.function.Consumer<java.util.Map<String, Path>> beforeNaming) {
        if (!available()) return processes.addNamespaces(argv, stdin, beforeNaming);
        ExecResult r = UnnamedNamespaces.addHere(argv, stdin, beforeNaming);
        return r != null ? r : run(argv, stdin);
    }

    @Override
    public long start(List<String> argv, Path log, String mark) {
        return processes.start(argv, log, mark);
    }

    @Override
    public Outcome carryOut(String namespace, Tool tool, List<Operation> operations, boolean tolerant) {
        if (tool != Tool.IP && tool != Tool.SYSCTL) return null;
        if (operations.stream().anyMatch(o -> o instanceof Operation.Verbatim) || !available()) return null;
        if (tool == Tool.SYSCTL) {
            // a key with slashes (a device name holding a dot) is sysctl's own reading
            boolean plain = operations.stream().allMatch(o -> o instanceof Operation.SetSysctl s && plainKey(s.key()));
            return plain ? sysctls(namespace, operations) : null;
        }
        List<IpOperations.Action> actions = new ArrayList<>();
        for (Operation o : operations) {
            IpOperations.Action a = IpOperations.of(o);
            if (a == null) return null; // a value only ip knows what to do with: the whole batch goes to ip
            actions.add(a);
        }
        return ip(namespace, operations, actions, tolerant);
    }

    private Outcome ip(String ns, List<Operation> operations, List<IpOperations.Action> actions, boolean tolerant) {
        Failures failures = new Failures(operations.size());
        try (Place place = new Place(ns)) {
            if (ns != null) {
                try {
                    place.socket();
                } catch (LastErrorException e) {
                    return Outcome.unlocated(operations.size(), "Cannot open network namespace \"" + ns + "\": "
                            + LibC.strerror(e.getErrorCode()));
                }
            }
            for (int i = 0; i < actions.size(); ) {
                if (operations.get(i) instanceof Operation.AddNamespace) {
                    // a run of namespaces is made on two maker threads, in order until one fails
                    List<String> names = new ArrayList<>();
                    int end = i;
                    while (end < operations.size() && operations.get(end) instanceof Operation.AddNamespace a) {
                        names.add(a.name());
                        end++;
                    }
                    int[] made = new int[1];
                    Refusal r = Refusal.words(NamedNamespaces.add(names, made));
                    for (int k = i; k < i + made[0]; k++) failures.done(k);
                    if (r != null) {
                        failures.failed(i + made[0], r);
                        if (!tolerant) break;
                        i = i + made[0] + 1;
                    } else {
                        i = end;
                    }
                } else if (tolerant && operations.get(i) instanceof Operation.DeleteNamespace) {
                    // tolerant: every name of the run is deleted side by side, whatever became of the others
                    List<String> names = new ArrayList<>();
                    int end = i;
                    while (end < operations.size() && operations.get(end) instanceof Operation.DeleteNamespace d) {
                        names.add(d.name());
                        end++;
                    }
                    String[] errors = NamedNamespaces.delete(names);
                    for (int k = 0; k < errors.length; k++) {
                        if (errors[k] == null) failures.done(i + k);
                        else failures.failed(i + k, Refusal.words(errors[k]));
                    }
                    i = end;
                } else {
                    Refusal r = apply(actions.get(i), place);
                    if (r == null) {
                        failures.done(i);
                    } else {
                        failures.failed(i, r);
                        if (!tolerant) break;
                    }
                    i++;
                }
            }
        }
        return failures.outcome();
    }

    private static Refusal apply(IpOperations.Action a, Place place) {
        try {
            return a.apply(place);
        } catch (LastErrorException e) {
            return new Refusal(e.getErrorCode(), "RTNETLINK answers: " + LibC.strerror(e.getErrorCode()));
        } catch (Exception e) {
            return Refusal.words(e.toString());
        }
    }

    /** The operations of a batch that took effect, and the first that did not with the words of every refusal. */
    private static final class Failures {
        private final int count;
        private final List<Integer> done = new ArrayList<>();
        private final List<String> words = new ArrayList<>();
        private int failed = -1;
        private int errno;

        Failures(int count) {
            this.count = count;
        }

        void done(int index) {
            done.add(index);
        }

        void failed(int index, Refusal r) {
            if (failed < 0) {
                failed = index;
                errno = r.errno();
            }
            words.add(r.words());
        }

        Outcome outcome() {
            if (failed < 0) return Outcome.allDone(count);
            return new Outcome(done, failed, errno, String.join("; ", words));
        }
    }

    /** Each key written to /proc/sys inside the namespace; like sysctl, on past a key that fails. */
    private Outcome sysctls(String ns, List<Operation> operations) {
        try (Place place = new Place(ns)) {
            return place.run(() -> {
                Failures failures = new Failures(operations.size());
                for (int i = 0; i < operations.size(); i++) {
                    Operation.SetSysctl s = (Operation.SetSysctl) operations.get(i);
                    Path file = file(s.key());
                    try {
                        Files.writeString(file, s.value() + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.WRITE);
                        failures.done(i);
                    } catch (NoSuchFileException e) {
                        failures.failed(i, new Refusal(Refusal.ENOENT, "sysctl: cannot stat " + file + ": No such file or directory"));
                    } catch (IOException e) {
                        failures.failed(i, Refusal.words("sysctl: setting key \"" + s.key() + "\": " + e.getMessage()));
                    }
                }
                return failures.outcome();
            });
        } catch (LastErrorException e) {
            return Outcome.unlocated(operations.size(), "Cannot open network namespace \"" + ns + "\": "
                    + LibC.strerror(e.getErrorCode()));
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public List<String> readSysctls(String namespace, List<String> keys) {
        if (!available() || !keys.stream().allMatch(NetlinkExecutor::plainKey)) {
            return Executor.super.readSysctls(namespace, keys);
        }
        try (Place place = new Place(namespace)) {
            return place.run(() -> {
                List<String> values = new ArrayList<>();
                for (String key : keys) values.add(read(file(key)));
                return values;
            });
        } catch (Exception e) {
            return null; // a key that is not there (yet), or a namespace that is gone
        }
    }

    /**
     * A /proc/sys file in one read: the kernel answers a numeric setting only to a read at
     * offset 0, so a file read piecemeal would cut "77" to "7".
     */
    private static String read(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[8192];
            int n = in.read(b);
            return n < 0 ? "" : new String(b, 0, n, StandardCharsets.UTF_8).trim();
        }
    }

    private static boolean plainKey(String key) {
        return !key.isEmpty() && !key.startsWith("-") && !key.contains("/");
    }

    /** A key's file; keys with slashes are sysctl's own reading and never come here. */
    private static Path file(String key) {
        return Path.of("/proc/sys", key.replace('.', '/'));
    }
}
