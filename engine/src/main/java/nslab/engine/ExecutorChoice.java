package nslab.engine;

import nslab.netlink.NetlinkExecutor;
import nslab.exec.Executor;

/**
 * Which executor builds labs on this machine: {@code netlink} (the default) applies {@code ip}
 * batches and sysctls through rtnetlink inside this process and falls back to processes where
 * the kernel refuses it; {@code ip} starts {@code ip -batch} and {@code sysctl} processes.
 * Chosen by {@code --executor}, else by {@code $NSLAB_EXECUTOR}.
 */
public final class ExecutorChoice {
    public enum Kind { ip, netlink }

    private static volatile Kind chosen;

    private ExecutorChoice() {}

    /** The command line's choice; it wins over the environment. */
    public static void choose(Kind kind) {
        chosen = kind;
    }

    public static Kind current() {
        if (chosen != null) return chosen;
        String env = System.getenv("NSLAB_EXECUTOR");
        return env != null && env.equals("ip") ? Kind.ip : Kind.netlink;
    }

    static Executor forThisMachine() {
        ProcessExecutor processes = new ProcessExecutor();
        return current() == Kind.ip ? processes : new NetlinkExecutor(processes);
    }
}
