package nslab.cli

import nslab.kernel.Sandbox

/**
 * A sandbox (private user + network + mount namespace, its own /run) in which {@code nslab A ;; B}
 * runs nslab commands in one JVM on this test's class path, as root of the sandbox.
 */
class TraceSandbox {
    static final String PRELUDE = '''
nslab() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$NSLAB_TEST_CP" nslab.cli.CommandSequence "$@"; }
'''

    static Sandbox.Result run(String script, long timeoutSeconds = 180) {
        Sandbox.run(PRELUDE + script, timeoutSeconds,
                [NSLAB_TEST_CP: System.getProperty('java.class.path'), NSLAB_IN_SANDBOX: '1', NSLAB_RUN_DIR: null,
                 NSLAB_CACHE_DIR: 'off'])
    }

    static File labFile(String text, String name = 'lab') {
        def dir = File.createTempDir('nslab-trace', '')
        dir.deleteOnExit()
        def f = new File(dir, "${name}.groovy")
        f.text = text
        f.deleteOnExit()
        f
    }

    /** The 1-based number of the first line of the lab that contains {@code text}. */
    static int lineOf(String lab, String text) {
        lab.readLines().findIndexOf { it.contains(text) } + 1
    }
}
