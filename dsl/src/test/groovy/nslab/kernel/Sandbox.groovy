package nslab.kernel

import java.util.concurrent.TimeUnit

/**
 * Runs a shell script inside a private user + network + mount + PID namespace with its own /run and /proc, so
 * that it can create namespaces and links as "root" without touching this machine's network;
 * everything it made vanishes when it exits. The engine's and console's kernel specs use it too
 * (through this module's test jar).
 */
class Sandbox {
    record Result(int exit, String out, String err) {
        /** The text between {@code === name} and the next {@code ===} line of the output. */
        String section(String name) {
            def lines = out.readLines()
            int start = lines.indexOf("=== $name".toString())
            assert start >= 0, "no section $name in:\n$out\n$err"
            def rest = lines.drop(start + 1)
            int end = rest.findIndexOf { it.startsWith('=== ') }
            (end < 0 ? rest : rest.take(end)).join('\n')
        }
    }

    /**
     * The first shell words inside a new user + network + mount namespace: a /run of its own (the
     * engine's journals), lo up, and an /etc/netns of its own (a tmpfs on it, or where this machine
     * has none, an overlay on /etc kept in that /run), so that the name files a lab writes never
     * reach the machine's /etc.
     */
    static final String PRIVATE = 'mount -t tmpfs nslab-test /run && ip link set dev lo up && ' +
            '{ mount -t tmpfs nslab-netns /etc/netns 2>/dev/null || { mkdir -p /run/nslab-etc/up /run/nslab-etc/work && ' +
            'mount -t overlay nslab-etc -o lowerdir=/etc,upperdir=/run/nslab-etc/up,workdir=/run/nslab-etc/work /etc; }; } 2>/dev/null; '

    /** Runs {@code script} with {@code sh}; {@code env} is added to the environment, null values removed. */
    static Result run(String script, long timeoutSeconds = 120, Map<String, String> env = [:]) {
        def file = File.createTempFile('nslab-sandbox', '.sh')
        try {
            file.text = script
            // a PID namespace too: every process the script or a lab starts ends with it
            def pb = new ProcessBuilder('unshare', '--user', '--map-root-user', '--net', '--mount', '--propagation', 'private',
                    '--pid', '--fork', '--kill-child', '--mount-proc', 'sh', '-c', PRIVATE + 'exec sh "$0"', file.path)
            env.each { k, v -> v == null ? pb.environment().remove(k) : pb.environment().put(k, v) }
            def proc = pb.start()
            def out = new StringBuilder()
            def err = new StringBuilder()
            // the readers are joined, not replaced: a second reader on the same streams (Groovy's
            // waitForProcessOutput) closed them under the first, and cut the output's end
            Thread readOut = proc.consumeProcessOutputStream(out)
            Thread readErr = proc.consumeProcessErrorStream(err)
            if (!proc.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                proc.destroyForcibly()
                throw new IllegalStateException("sandbox script timed out after ${timeoutSeconds}s\n$out\n$err")
            }
            readOut.join()
            readErr.join()
            return new Result(proc.exitValue(), out.toString(), err.toString())
        } finally {
            file.delete()
        }
    }
}
