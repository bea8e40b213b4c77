package nslab.web

import groovy.json.JsonSlurper
import nslab.LabCompiler
import nslab.cli.LauncherCopy
import nslab.command.Graphviz
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification

/**
 * The page's API on a lab that is not live (no engine: what `nslab web` serves without root),
 * in this process: the token on every path, the lab and its picture from the script, trace on the
 * script alone, the answers to requests the lab cannot serve.
 */
class WebApiSpec extends Specification {
    static final File LAB = new File(LauncherCopy.launcher().parentFile, 'examples/server-gateway-client.groovy')

    @Shared LabCompiler.Compiled compiled = new LabCompiler().compile(LAB.toPath())
    @Shared @AutoCleanup('stop') WebServer server = WebServer.start(new WebLab({ compiled }, null, { }), 0, null, System.getenv('PATH'))
    @Shared String base = server.address().substring(0, server.address().indexOf('/?'))
    @Shared String token = server.address().substring(server.address().indexOf('token=') + 6)

    def "every path refuses a request without the token, or with another: #path"() {
        expect:
        request('GET', path).status == 403
        request('GET', path + '?token=' + token.reverse()).status == 403

        where:
        path << ['/', '/api/lab', '/api/events', '/api/namespace', '/api/trace', '/api/link']
    }

    def "the page is at / and nowhere else"() {
        expect:
        request('GET', "/?token=$token").body.contains('<title>nslab</title>')
        request('GET', "/elsewhere?token=$token").status == 404
    }

    def "the lab as the script has it, with the picture's ids for each namespace and cable"() {
        when:
        def lab = json('GET', "/api/lab?token=$token")

        then:
        !lab.live
        lab.namespaces*.name == compiled.lab().namespaces()*.name()
        lab.cables*.id == ['server/svr-veth', 'client/cli-veth']
        Graphviz.onPath(System.getenv('PATH')).present ? ['ns:server', 'ns:client', 'ns:gateway', 'cable:server/svr-veth', 'cable:client/cli-veth'].every {
            lab.svg.replace("&#45;", "-").contains("id=\"$it\"") // Graphviz writes a hyphen as an entity
        } : lab.svg == null
    }

    def "trace reads the script alone when the lab is not live, and names what is wrong with its ends"() {
        when:
        def t = json('GET', "/api/trace?from=client&to=server&token=$token")
        def wrong = request('GET', "/api/trace?from=nowhere&to=server&token=$token")

        then:
        !t.live
        t.there*.namespace == ['client', 'gateway', 'server']
        wrong.status == 400
        new JsonSlurper().parseText(wrong.body).error.startsWith("no namespace 'nowhere' in lab server-gateway-client")
    }

    def "a cable is switched by POST only, and only on a live lab"() {
        expect:
        request('GET', "/api/link?a=client&b=gateway&state=down&token=$token").status == 405
        with(request('POST', "/api/link?a=client&b=gateway&state=down&token=$token")) {
            status == 400
            new JsonSlurper().parseText(body).error == 'lab server-gateway-client is not live here: apply it first'
        }
    }

    def "the live events say each cable is not live"() {
        when:
        def c = (HttpURLConnection) new URL("$base/api/events?token=$token").openConnection()
        def first = c.inputStream.newReader('UTF-8').withCloseable { r -> r.readLine() }
        c.disconnect()

        then:
        c.contentType.startsWith('text/event-stream')
        with(new JsonSlurper().parseText(first - 'data: ')) {
            !live
            cables*.state == ['not live', 'not live']
        }
    }

    def "a namespace's details come from the script, with the sysctls the lab sets and their lab lines"() {
        when:
        def d = json('GET', "/api/namespace?name=gateway&token=$token")

        then:
        !d.live
        d.interfaces*.name == ['svrgw-veth', 'cligw-veth']
        d.sysctls.find { it.key == 'net.ipv4.ip_forward' }.with { it.lab == '1' && it.line == 'forward true' && it.now == null }
        request('GET', "/api/namespace?name=nowhere&token=$token").status == 400
    }

    private Map request(String method, String path) {
        def c = (HttpURLConnection) new URL(base + path).openConnection()
        c.requestMethod = method
        try {
            int status = c.responseCode
            def stream = status < 400 ? c.inputStream : c.errorStream
            [status: status, body: stream == null ? '' : stream.getText('UTF-8')]
        } finally {
            c.disconnect()
        }
    }

    private Object json(String method, String path) {
        def r = request(method, path)
        assert r.status == 200, r.body
        new JsonSlurper().parseText(r.body)
    }
}
