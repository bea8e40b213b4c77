package nslab.engine;

import nslab.netlink.NetlinkExecutor;
import nslab.exec.Executor;

/**
 * Which executor builds labs on this machine: {@code netlink} (the default) applies {@code ip}
 * batches and sysctls through rtnetlink inside this process and falls back to processes where
 * the kernel refuses it; {@code ip} starts {@code ip -batch} and {@code sysctl} processes.
 * Chosen by {@code --executor}, else by {@code $NSLAB_EXECUTOR} ({@link EngineSettings#executor}).
 */
public final class ExecutorChoice {
    public enum Kind { ip, netlink }

    private ExecutorChoice() {}

    static Executor forThisMachine(Kind kind) {
        ProcessExecutor processes = new ProcessExecutor();
        return kind == Kind.ip ? processes : new NetlinkExecutor(processes);
    }
}
