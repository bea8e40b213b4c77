package nslab.web

import groovy.json.JsonSlurper
import nslab.cli.LauncherCopy
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

import java.nio.file.Files
import java.util.concurrent.TimeUnit

/**
 * The console's {@code web} in {@code ./nslab --sandbox}, typed into the launcher's standard input:
 * the page serves in the background while the console goes on, follows the lab as lines are typed,
 * is reached from outside the sandbox, and goes with the console.
 */
class WebConsoleSpec extends Specification {
    static final File LAB = new File(LauncherCopy.launcher().parentFile, 'examples/server-gateway-client.groovy')

    def "web serves the session's lab from the sandbox, follows what is typed, and ends with the console"() {
        given:
        def history = Files.createTempFile('nslab-web-history', '')
        def pb = new ProcessBuilder('sh', LauncherCopy.launcher().path, '--sandbox')
        pb.environment().remove('NSLAB_IN_SANDBOX')
        pb.environment().putAll(NSLAB_CLASSPATH: System.getProperty('java.class.path'), NSLAB_HISTORY: history.toString())
        pb.redirectErrorStream(true)
        def console = pb.start()
        def printed = new StringBuffer()
        Thread.startDaemon { console.inputStream.eachLine { printed.append(it).append('\n') } }
        def type = { String line -> console.outputStream.write((line + '\n').bytes); console.outputStream.flush() }

        when:
        type("load $LAB.path")
        type('apply')
        type('web')
        new PollingConditions(timeout: 120, delay: 0.2).eventually {
            assert printed =~ SandboxedWeb.ADDRESS
        }
        String address = (printed =~ SandboxedWeb.ADDRESS)[0]
        def api = address.replace('/?token=', '/api/lab?token=')

        then: 'the lab, live, from outside the sandbox'
        def lab = new JsonSlurper().parse(new URL(api))
        lab.live
        lab.namespaces*.name == ['server', 'client', 'gateway']
        printed.contains('(the page lasts as long as this console)')

        when: 'a namespace typed at the prompt'
        type("namespace 'watcher'")

        then: 'it is on the page'
        new PollingConditions(timeout: 30).eventually {
            assert new JsonSlurper().parse(new URL(api)).namespaces*.name == ['server', 'client', 'gateway', 'watcher']
        }

        when:
        type('web')

        then: 'web again names the same address'
        new PollingConditions(timeout: 10).eventually {
            assert printed.contains("the page is already at $address")
        }

        when:
        type('exit')

        then: 'the console ends, and nothing answers at the address any more'
        console.waitFor(30, TimeUnit.SECONDS)
        new PollingConditions(timeout: 10).eventually {
            assert !answers(api)
        }

        cleanup:
        if (console?.alive) console.destroyForcibly()
        Files.deleteIfExists(history)
    }

    private static boolean answers(String url) {
        try {
            def c = (HttpURLConnection) new URL(url).openConnection()
            c.connectTimeout = 1000
            c.readTimeout = 1000
            c.responseCode
            return true
        } catch (IOException refused) {
            return false
        }
    }
}
