package nslab.kernel

import java.util.concurrent.TimeUnit

/**
 * Runs a shell script inside a private user + network + mount namespace with its own /run, so
 * that it can create namespaces and links as "root" without touching this machine's network;
 * everything it made vanishes when it exits.
 */
class Sandbox {
    record Result(int exit, String out, String err) {}

    static Result run(String script, long timeoutSeconds = 120) {
        def file = File.createTempFile('nslab-sandbox', '.sh')
        try {
            file.text = script
            def pb = new ProcessBuilder('unshare', '--user', '--map-root-user', '--net', '--mount',
                    'sh', '-c', 'mount -t tmpfs nslab-test /run && ip link set dev lo up && exec sh "$0"', file.path)
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
}
