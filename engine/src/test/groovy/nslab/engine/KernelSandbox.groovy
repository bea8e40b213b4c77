package nslab.engine

import java.util.concurrent.TimeUnit

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
    record Result(int exit, String out, String err) {
        /** The text between {@code === name} and the next {@code ===} line. */
        String section(String name) {
            def lines = out.readLines()
            int start = lines.indexOf("=== $name".toString())
            assert start >= 0, "no section $name in:\n$out\n$err"
            def rest = lines.drop(start + 1)
            int end = rest.findIndexOf { it.startsWith('=== ') }
            (end < 0 ? rest : rest.take(end)).join('\n')
        }
    }

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

    static Result run(String script, long timeoutSeconds = 240) {
        def file = File.createTempFile('nslab-engine-sandbox', '.sh')
        try {
            file.text = PRELUDE + script
            def pb = new ProcessBuilder('unshare', '--user', '--map-root-user', '--net', '--mount', '--propagation', 'private',
                    'sh', '-c', 'mount -t tmpfs nslab-test /run && ip link set dev lo up && exec sh "$0"', file.path)
            pb.environment().put('NSLAB_TEST_CP', System.getProperty('java.class.path'))
            pb.environment().put('NSLAB_IN_SANDBOX', '1')
            pb.environment().remove('NSLAB_RUN_DIR')
            def proc = pb.start()
            def out = new StringBuilder()
            def err = new StringBuilder()
            proc.consumeProcessOutput(out, err)
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly()
                throw new IllegalStateException("sandbox script timed out after ${timeoutSeconds}s\n$out\n$err")
            }
            proc.waitForProcessOutput()
            return new Result(proc.exitValue(), out.toString(), err.toString())
        } finally {
            file.delete()
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
