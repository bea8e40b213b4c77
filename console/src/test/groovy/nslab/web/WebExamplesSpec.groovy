package nslab.web

import groovy.json.JsonSlurper
import nslab.LabCompiler
import nslab.cli.LauncherCopy
import org.openqa.selenium.By
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.util.concurrent.PollingConditions

/**
 * Every example lab, applied in a sandbox by {@code ./nslab --sandbox web}, seen in headless
 * chromium: each namespace and cable the script has is on the page and in the picture, each cable
 * as the kernel has it; a screenshot of each page goes to target/web/EXAMPLE.png.
 */
class WebExamplesSpec extends Specification {
    @Shared @AutoCleanup HeadlessChromium chromium = new HeadlessChromium()

    def "the page of #example.name shows the lab the script describes, live"() {
        given:
        def lab = new LabCompiler().compile(example.toPath()).lab()
        def cables = Cables.of(lab).all()
        def web = new SandboxedWeb(example)
        def browser = chromium.browser

        when:
        browser.get(web.address)
        new PollingConditions(timeout: 15).eventually {
            assert browser.findElements(By.cssSelector('#namespaces li'))*.getAttribute('data-ns') == lab.namespaces()*.name()
            assert browser.findElements(By.cssSelector('#cables tr[data-cable]'))*.getAttribute('data-cable') == cables*.id()
            assert browser.findElements(By.cssSelector('#cables td.state'))*.text.every { it != '?' }
        }

        then: 'each cable as the kernel has it (a veth just brought up may take a moment to find its carrier)'
        new PollingConditions(timeout: 10).eventually {
            cables.each { c ->
                assert browser.findElement(By.cssSelector("#cables tr[data-cable=\"${c.id()}\"] td.state")).text == kernelState(web, c)
            }
        }

        and: 'a box for each namespace and a line for each cable in the picture'
        lab.namespaces().every { browser.findElements(By.id("ns:${it.name()}".toString())).size() == 1 }
        cables.every { browser.findElements(By.id("cable:${it.id()}".toString())).size() == 1 }

        cleanup:
        chromium.screenshot(example.name - '.groovy')
        web?.close()

        where:
        example << new File(LauncherCopy.launcher().parentFile, 'examples').listFiles().findAll { it.name.endsWith('.groovy') }.sort()
    }

    /** The cable's state from both ends' flags: down if either is set down, no carrier if either hears nothing. */
    private static String kernelState(SandboxedWeb web, Cables.Cable c) {
        def flags = [c.a(), c.b()].collect { end ->
            def argv = end.namespace() == 'host' ? ['ip', '-j', 'link', 'show', 'dev', end.iface()]
                    : ['ip', '-n', end.namespace(), '-j', 'link', 'show', 'dev', end.iface()]
            new JsonSlurper().parseText(web.inSandbox(argv).out)[0].flags
        }
        flags.any { !it.contains('UP') } ? 'down' : flags.any { it.contains('NO-CARRIER') } ? 'no carrier' : 'up'
    }
}
