package nslab.cli

import spock.lang.Specification
import spock.lang.TempDir

import java.util.concurrent.TimeUnit

/**
 * A lab script cannot make nslab lie or hang: each script below is given to a real nslab
 * process (standard input an open pipe that never ends), which must end within bounds, with exit
 * status 1 and the reason at the script's line; the apply reports are just as true.
 */
class ScriptEscapesSpec extends Specification {
    @TempDir File dir

    static final String CP = System.getProperty('java.class.path')

    /** nslab ARGS in a JVM of its own, with NSLAB_SCRIPT_TIMEOUT of 1 s and a standard input that stays open. */
    Process start(String... args) {
        def pb = new ProcessBuilder(['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', CP, 'nslab.cli.Main', *args])
        pb.environment().put('NSLAB_SCRIPT_TIMEOUT', '1')
        pb.environment().put('NSLAB_CACHE_DIR', 'off')
        pb.start()
    }

    Map finish(Process p, long seconds) {
        def out = new StringBuilder()
        def err = new StringBuilder()
        Thread readOut = p.consumeProcessOutputStream(out), readErr = p.consumeProcessErrorStream(err)
        boolean ended = p.waitFor(seconds, TimeUnit.SECONDS)
        if (!ended) p.destroyForcibly().waitFor()
        readOut.join(); readErr.join() // (a second reader, waitForProcessOutput, closed the streams under these)
        [ended: ended, exit: ended ? p.exitValue() : -1, out: out.toString(), err: err.toString()]
    }

    File lab(String name, String text) {
        def f = new File(dir, "${name}.groovy")
        f.text = text
        f
    }

    def "a script that #does: plan exits 1 within seconds, at line #line"() {
        given:
        def file = lab('escape', body)
        def p = start('plan', file.path)

        when:
        def r = finish(p, 20)
        p.outputStream.close()

        then:
        r.ended
        r.exit == 1
        r.out.isEmpty()
        r.err.contains("${file.path}:$line: error: $message")
        !r.err.contains('\tat ')

        where:
        does                                 | line | message                                                                      | body
        'catches its interruption in a loop' | 2    | 'the script did not finish within 1 s and did not stop when asked'           | "namespace 'a'\nwhile (true) { try { Thread.sleep(50) } catch (e) { } }\n"
        'computes 3G.pow(300000000)'         | 2    | 'the script did not finish within 1 s and did not stop when asked'           | "namespace 'a'\ndef x = 3G.pow(300000000)\n"
        'calls System.exit(0)'               | 2    | 'the program was told to end (System.exit in the script, or a signal)'       | "namespace 'a'\nSystem.exit(0)\n"
        'calls System.exit(0) from a block'  | 3    | 'the program was told to end (System.exit in the script, or a signal)'       | "namespace 'a' {\n    tap 't'\n    System.exit(0)\n}\n"
    }

    def "standard input is closed to the script: System.in.read() reads the end at once"() {
        given:
        def file = lab('stdin', "namespace 'a'\nassert System.in.read() == -1\nnamespace 'b'\n")
        def p = start('plan', file.path)

        when:
        def r = finish(p, 20)
        p.outputStream.close()

        then:
        r.ended
        r.exit == 0
        r.out.contains("ip netns add b")
    }

    def "a shutdown hook that never ends keeps neither plan nor SIGTERM from ending nslab"() {
        given:
        def hook = "Runtime.runtime.addShutdownHook { while (true) { } }\n"
        def done = start('plan', lab('hook', hook + "namespace 'a'\n").path)
        def looping = new ProcessBuilder(['java', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', CP, 'nslab.cli.Main',
                                          'plan', lab('hookloop', hook + "namespace 'a'\nprintln 'evaluating'\nwhile (true) { try { Thread.sleep(50) } catch (e) { } }\n").path])
        looping.environment().put('NSLAB_SCRIPT_TIMEOUT', '600')
        looping.environment().put('NSLAB_CACHE_DIR', 'off')
        def p = looping.start()
        def reader = new BufferedReader(new InputStreamReader(p.inputStream))

        when: 'the plan ends; the other is sent SIGTERM once its script runs'
        def planned = finish(done, 20)
        boolean evaluating = reader.readLine() == 'evaluating'
        p.destroy()
        boolean ended = p.waitFor(10, TimeUnit.SECONDS)
        if (!ended) p.destroyForcibly().waitFor()

        then:
        planned.ended
        planned.exit == 0
        planned.out.contains('ip netns add a')
        evaluating
        ended
        p.exitValue() == 143
    }

    def "apply --json and --junit of a script that calls System.exit(0) exit 1 with the reason, and build nothing"() {
        given:
        def file = lab('exits', "namespace 'a'\nSystem.exit(0)\n")
        def junit = new File(dir, 'report.xml')

        when:
        def r = nslab.kernel.Sandbox.run("""
java -cp "\$NSLAB_TEST_CP" nslab.cli.Main apply --json ${file.path}; echo "=== json \$?"
java -cp "\$NSLAB_TEST_CP" nslab.cli.Main apply --junit ${junit.path} ${file.path}; echo "=== junit \$?"
echo "=== namespaces"; ip netns list
""", 120, [NSLAB_TEST_CP: CP, NSLAB_IN_SANDBOX: '1', NSLAB_RUN_DIR: null, NSLAB_CACHE_DIR: 'off'])

        then:
        r.out.contains('=== json 1')
        r.out.contains('=== junit 1')
        r.err.count("${file.path}:2: error: the program was told to end") == 2
        r.section('namespaces').trim().isEmpty()
        !r.out.contains('"ok"')
    }
}
