package nslab.cli

import spock.lang.Specification

/**
 * trace on a lab that is not live reads the script alone: the same walk on the model, said to be
 * unconfirmed; and what trace refuses before walking.
 */
class TraceScriptSpec extends Specification {

    static Map run(String... args) {
        def out = new StringWriter()
        def err = new StringWriter()
        def cl = Main.commandLine()
        cl.setOut(new PrintWriter(out))
        cl.setErr(new PrintWriter(err))
        int exit = cl.execute(args)
        [exit: exit, out: out.toString(), err: err.toString()]
    }

    static File lab(String text) {
        TraceSandbox.labFile(text.replace("lab 'server-gateway-client'", "lab 'not-live-${UUID.randomUUID().toString().take(8)}'"))
    }

    def "#what, read from the script: exit #exit, #verdict"() {
        given:
        def file = lab(text)

        when:
        def r = run('trace', file.path, 'client', 'server')

        then:
        r.exit == exit
        r.out.contains('the lab is not live, so this is read from the script; nothing was sent or confirmed')
        r.out.contains(verdict)
        !r.out.contains('probe:')
        !r.out.contains('[probe')

        where:
        what                  | text                                 || exit | verdict
        'a routed lab'        | TraceKernelSpec.ROUTED               || 0    | 'ok: reaches server (192.168.100.1) in server and the answer comes back — by the lab\'s script alone'
        'no forward'          | TraceKernelSpec.NO_FORWARD           || 4    | "fix: add `forward true` to namespace 'gateway'"
        'no return route'     | TraceKernelSpec.NO_RETURN_ROUTE      || 4    | "fix: add `gateway '192.168.100.254'` to namespace 'server'"
        'a drop rule'         | TraceKernelSpec.DROP                 || 4    | "STOPPED: dropped in gateway by `drop in: 'cligw-veth'`"
    }

    def "--json of a lab that is not live says live false and confirmed null"() {
        when:
        def r = run('trace', '--json', lab(TraceKernelSpec.ROUTED).path, 'client', 'server')
        def data = new groovy.json.JsonSlurper().parseText(r.out)

        then:
        r.exit == 0
        !data.live
        data.confirmed == null
        data.there*.namespace == ['client', 'gateway', 'server']
        data.there*.seen == [null, null, null]
        data.there[0].line == "gateway '10.0.100.254'"
    }

    def "#args is refused with exit 2: #message"() {
        when:
        def r = run(['trace', lab(TraceKernelSpec.ROUTED).path, *args] as String[])

        then:
        r.exit == 2
        r.err.contains(message)

        where:
        args                                 || message
        ['nowhere', 'server']                || "no namespace 'nowhere' in lab"
        ['client', 'mars']                   || "'mars' is neither an address nor a namespace of lab"
        ['client']                           || "Missing required parameter: 'TO'"
        ['client', 'server', '--tcp', '1', '--udp', '2'] || 'mutually exclusive'
        ['-6', 'client', 'server']           || "-6 asks for IPv6, but namespace 'server' has no IPv6 address: leave out -6"
        ['-6', 'client', '192.168.100.1']    || '-6 asks for IPv6, but 192.168.100.1 is an IPv4 address: leave out -6'
        ['--tcp', '0', 'client', 'server']   || '--tcp 0 is no port: give one from 1 to 65535'
        ['--tcp', '99999', 'client', 'server'] || '--tcp 99999 is no port: give one from 1 to 65535'
        ['--udp', '65536', 'client', 'server'] || '--udp 65536 is no port'
    }
}
