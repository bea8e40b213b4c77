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

    /**
     * The same with every user and group of this machine mapped into the sandbox (as the
     * launcher's {@code --sandbox} maps them when run as root), not root alone: FRR's daemons
     * need the group frrvty. Only root may write such a map without newuidmap; others get null.
     */
    static Sandbox.Result runAllUsers(String script, long timeoutSeconds = 240) {
        if (['id', '-u'].execute().text.trim() != '0') return null
        def inner = File.createTempFile('nslab-users', '.sh')
        inner.deleteOnExit()
        inner.text = PRELUDE + script
        try {
            def wrapper = '''pid=$$
(
    i=0
    while [ "$(readlink /proc/$pid/ns/user)" = "$(readlink /proc/self/ns/user)" ] && [ $i -lt 1000 ]; do i=$((i+1)); sleep 0.005; done
    awk '{ print $1, $1, $3 }' /proc/self/uid_map >/proc/$pid/uid_map && awk '{ print $1, $1, $3 }' /proc/self/gid_map >/proc/$pid/gid_map
) &
exec unshare --user --net --mount --propagation private --pid --fork --kill-child --mount-proc sh -c 'i=0; until read -r m </proc/self/uid_map; do i=$((i+1)); [ $i -lt 1000 ] || exit 2; sleep 0.005; done; ''' +
                    Sandbox.PRIVATE.replace("'", "'\\''") + '''exec sh "$0"' "$1"
'''
            def pb = new ProcessBuilder('sh', '-c', wrapper, 'sh', inner.absolutePath)
            pb.environment().put('NSLAB_TEST_CP', System.getProperty('java.class.path'))
            pb.environment().put('NSLAB_IN_SANDBOX', '1')
            pb.environment().remove('NSLAB_RUN_DIR')
            def proc = pb.start()
            def out = new StringBuilder()
            def err = new StringBuilder()
            proc.consumeProcessOutput(out, err)
            if (!proc.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                proc.destroyForcibly()
                throw new IllegalStateException("sandbox script timed out after ${timeoutSeconds}s\n$out\n$err")
            }
            proc.waitForProcessOutput()
            return new Sandbox.Result(proc.exitValue(), out.toString(), err.toString())
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
