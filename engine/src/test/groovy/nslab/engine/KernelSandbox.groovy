package nslab.engine

import nslab.kernel.Sandbox

/**
 * Runs a shell script inside a fresh private user + network + mount namespace with its own /run,
 * so that it may create namespaces, links, rules as "root" without touching this machine's
 * network; all of it vanishes when the script ends.
 * <p>
 * The script has these at hand:
 * <ul>
 * <li>{@code nslab apply|destroy|check|status ...}: the engine, through {@link EngineDriver}, on
 *     this test's class path;</li>
 * <li>{@code snapshot}: the root namespace as destroy must leave it — links, addresses, routes
 *     of both families, iptables rules without counters, forwarding sysctls, named namespaces.</li>
 * </ul>
 */
class KernelSandbox {
    static final String PRELUDE = '''
nslab() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$NSLAB_TEST_CP" nslab.engine.EngineDriver "$@"; }
snapshot() {
    ip -o link show
    ip -o addr show
    ip route show; ip -6 route show
    iptables-save | grep -v '^#' | sed 's/\\[[0-9]*:[0-9]*\\]//'
    cat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv6/conf/all/forwarding
    ip netns list
}
'''

    static Sandbox.Result run(String script, long timeoutSeconds = 240) {
        Sandbox.run(PRELUDE + script, timeoutSeconds,
                [NSLAB_TEST_CP: System.getProperty('java.class.path'), NSLAB_IN_SANDBOX: '1', NSLAB_RUN_DIR: null])
    }

    /**
     * The same in a PID namespace of its own as well (with its own /proc), as {@code --sandbox}
     * runs: processes can be counted, PIDs chosen ({@code /proc/sys/kernel/ns_last_pid}), and all
     * of them end with the script.
     */
    static Sandbox.Result runWithPids(String script, long timeoutSeconds = 240) {
        def inner = File.createTempFile('nslab-pids', '.sh')
        inner.deleteOnExit()
        inner.text = PRELUDE + script
        try {
            return run("exec unshare --pid --fork --kill-child --mount-proc sh ${inner.absolutePath}\n", timeoutSeconds)
        } finally {
            inner.delete()
        }
    }

    /** A lab script in a temporary file, for the sandbox to read. */
    static File labFile(String text, String name = 'lab') {
        def dir = File.createTempDir('nslab-lab', '')
        dir.deleteOnExit()
        def f = new File(dir, "${name}.groovy")
        f.text = text
        f.deleteOnExit()
        f
    }
}
