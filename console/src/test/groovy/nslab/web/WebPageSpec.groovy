package nslab.web

import nslab.cli.LauncherCopy
import org.openqa.selenium.By
import org.openqa.selenium.WebDriver
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Stepwise
import spock.util.concurrent.PollingConditions


/**
 * `./nslab --sandbox web LAB.groovy` as a user runs it: the launcher applies the lab in a sandbox
 * and relays the printed address from outside it; Debian's headless chromium, driven through
 * chromedriver, reads the page from outside the sandbox as the user's browser would. The kernel
 * is changed with plain `ip` inside the sandbox (nsenter) and the page must follow.
 */
@Stepwise
class WebPageSpec extends Specification {
    static final File LAB = new File(LauncherCopy.launcher().parentFile, 'examples/server-gateway-client.groovy')

    @Shared SandboxedWeb web
    @Shared HeadlessChromium chromium
    @Shared WebDriver browser

    def setupSpec() {
        web = new SandboxedWeb(LAB)
        chromium = new HeadlessChromium()
        browser = chromium.browser
        browser.get(web.address)
    }

    def cleanupSpec() {
        chromium?.close()
        web?.close()
    }

    def "the page shows every namespace and every cable of the live lab, each cable up"() {
        expect:
        web.printed.readLines().any { it ==~ /lab server-gateway-client applied: \d+ commands/ }

        and:
        new PollingConditions(timeout: 10).eventually {
            assert texts('#namespaces li', 'data-ns') == ['server', 'client', 'gateway']
            assert texts('#cables tr[data-cable]', 'data-cable') == ['server/svr-veth', 'client/cli-veth']
            assert texts('#cables td.state', null) == ['up', 'up']
        }

        and: 'the picture has a box for each namespace and a line for each cable'
        ['ns:server', 'ns:client', 'ns:gateway', 'cable:server/svr-veth', 'cable:client/cli-veth'].every {
            browser.findElements(By.id(it)).size() == 1
        }
        browser.findElement(By.cssSelector('#namespaces li[data-ns="gateway"]')).text.contains('192.168.100.254/24')
    }

    def "a request without the token, or with another, is refused"() {
        given:
        def address = web.address
        def base = address.substring(0, address.indexOf('/?'))

        expect:
        status("$base/") == 403
        status("$base/api/lab") == 403
        status("$base/api/lab?token=0123") == 403
        status("$base/api/lab?token=${address.substring(address.indexOf('token=') + 6)}") == 200
    }

    def "a cable taken down with ip turns down on the page within 2 s, and the page brings it up again"() {
        when:
        assert web.inSandbox(['ip', '-n', 'client', 'link', 'set', 'dev', 'cli-veth', 'down']).exit == 0
        long downAt = System.nanoTime()
        new PollingConditions(timeout: 5, delay: 0.05).eventually {
            assert cableState('client/cli-veth') == 'down'
        }
        long seenMillis = (System.nanoTime() - downAt).intdiv(1_000_000)
        println "WebPageSpec: the page showed the cable down ${seenMillis} ms after ip took it down"

        then:
        seenMillis < 2000
        cableState('server/svr-veth') == 'up'
        browser.findElement(By.id('cable:client/cli-veth')).getAttribute('class').contains('cable-down')

        when: 'its up button'
        browser.findElement(By.cssSelector('#cables tr[data-cable="client/cli-veth"] button.up')).click()

        then: 'the kernel has both ends up, the route the kernel dropped is back, and a ping crosses it'
        new PollingConditions(timeout: 10).eventually {
            assert cableState('client/cli-veth') == 'up'
        }
        web.inSandbox(['ip', '-n', 'gateway', '-br', 'link', 'show', 'dev', 'cligw-veth']).out =~ /\bUP\b/
        web.inSandbox(['ip', '-n', 'client', 'route', 'show', 'default']).out.contains('via 10.0.100.254')
        web.inSandbox(['ip', 'netns', 'exec', 'client', 'ping', '-c', '1', '-W', '2', '192.168.100.1']).exit == 0
    }

    def "a trace between two namespaces draws its hops there and back, each with its lab line"() {
        when:
        browser.findElement(By.cssSelector('#trace-from option[value="client"]')).click()
        browser.findElement(By.cssSelector('#trace-to option[value="server"]')).click()
        browser.findElement(By.id('trace-run')).click()
        new PollingConditions(timeout: 20).eventually {
            assert browser.findElement(By.id('trace')).getAttribute('data-done') == '1'
        }
        def hops = browser.findElements(By.cssSelector('#trace li.hop'))

        then:
        hops*.getAttribute('data-namespace') == ['client', 'gateway', 'server', 'server', 'gateway', 'client']
        hops.every { it.findElement(By.cssSelector('.where')).text =~ /server-gateway-client\.groovy:\d+/ }
        browser.findElement(By.cssSelector('#trace .verdict')).text.startsWith('reaches server')

        and: 'drawn on the picture'
        ['ns:client', 'ns:gateway', 'ns:server'].every { browser.findElement(By.id(it)).getAttribute('class').contains('trace-there') }
        browser.findElement(By.id('cable:client/cli-veth')).getAttribute('class').contains('trace-there')

        and:
        chromium.screenshot('server-gateway-client-trace')
    }

    def "with forwarding turned off behind the lab's back, the trace stops at the gateway and shows the fix"() {
        when:
        assert web.inSandbox(['ip', 'netns', 'exec', 'gateway', 'sysctl', '-qw', 'net.ipv4.ip_forward=0']).exit == 0
        browser.findElement(By.id('trace-run')).click()
        new PollingConditions(timeout: 20).eventually {
            assert !browser.findElements(By.cssSelector('#trace li.hop-stop')).empty
        }

        then:
        browser.findElement(By.cssSelector('#trace li.hop-stop')).getAttribute('data-namespace') == 'gateway'
        browser.findElement(By.cssSelector('#trace .fix')).text.contains('forward true')
        browser.findElement(By.id('ns:gateway')).getAttribute('class').contains('trace-stop')

        cleanup:
        web.inSandbox(['ip', 'netns', 'exec', 'gateway', 'sysctl', '-qw', 'net.ipv4.ip_forward=1'])
    }

    def "clicking a namespace shows its addresses, routes, neighbours, iptables and the sysctls the lab sets"() {
        when:
        browser.findElement(By.cssSelector('#namespaces li[data-ns="gateway"]')).click()
        new PollingConditions(timeout: 10).eventually {
            assert browser.findElement(By.id('details')).text.contains('Sysctls the lab sets')
        }
        def details = browser.findElement(By.id('details')).text

        then:
        details.contains('cligw-veth  veth  UP  10.0.100.254/24')
        details.contains('10.0.100.0/24 dev cligw-veth')
        details.contains('Neighbours')
        details.contains('iptables')
        details =~ /net\.ipv4\.ip_forward = 1 \(now 1\)\s+.*server-gateway-client\.groovy:\d+\s+forward true/
    }

    def "when the page's process ends, the sandbox, its relay and the relay's folder go with it"() {
        given:
        def relay = web.relay().get()

        when: 'the JVM in the sandbox ends (SIGTERM, as a kill or Ctrl-C ends it)'
        int status = web.end()

        then:
        status == 143
        new PollingConditions(timeout: 10).eventually {
            assert !relay.alive
            assert !new File(web.relayDir).exists()
        }
    }

    private List<String> texts(String css, String attribute) {
        browser.findElements(By.cssSelector(css)).collect { attribute ? it.getAttribute(attribute) : it.text }
    }

    private String cableState(String id) {
        browser.findElement(By.cssSelector("#cables tr[data-cable=\"$id\"] td.state")).text
    }

    private static int status(String url) {
        def c = (HttpURLConnection) new URL(url).openConnection()
        try {
            c.responseCode
        } finally {
            c.disconnect()
        }
    }
}
