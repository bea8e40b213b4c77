package nslab.engine

import nslab.model.IpPrefix
import nslab.model.Lab

/**
 * The specs' own oracle for expectations: a shell snippet of plain {@code ping}s, written without
 * the engine's Checker, printing {@code PING n reached|unreached} for each expectation.
 */
class PlainPing {
    static String script(Lab lab) {
        def sb = new StringBuilder()
        lab.expectations().eachWithIndex { e, i ->
            String target = IpPrefix.isAddress(e.target()) ? e.target()
                    : lab.namespace(e.target()).flatMap { it.firstAddress() }.get().prefix().addressText()
            def ping = (e.from() == 'host' ? [] : ['ip', 'netns', 'exec', e.from()]) + ['ping'] +
                    (target.contains(':') ? ['-6'] : []) + ['-c', '1', '-W', '1'] +
                    (e.dev() ? ['-I', e.dev()] : []) + [target]
            sb << "r=unreached; for t in 1 2 3; do if ${ping.join(' ')} >/dev/null 2>&1; then r=reached; break; fi; done; echo \"PING $i \$r\"\n"
        }
        sb.toString()
    }

    /** Whether every ping in the output went as its expectation says. */
    static boolean agree(Lab lab, String out) {
        def lines = out.readLines().findAll { it.startsWith('PING ') }
        lines.size() == lab.expectations().size() && lab.expectations().withIndex().every { e, i ->
            lines.contains("PING $i ${e.reachable() ? 'reached' : 'unreached'}".toString())
        }
    }
}
