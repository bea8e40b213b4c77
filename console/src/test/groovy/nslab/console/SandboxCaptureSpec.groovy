package nslab.console

import nslab.cli.LauncherCopy
import spock.lang.Requires
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Timeout

/**
 * capture in the console of the real ./nslab --sandbox. tcpdump started as root changes to a user
 * of its own: the launcher run by root maps every user into the sandbox, so that it can; run by
 * another user, whose sandbox maps only root, the console says in one line why not and what to do.
 */
@Timeout(240)
@Requires({ ['id', '-u'].execute().text.trim() == '0' && ['tcpdump', 'unshare', 'runuser'].every { t -> ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].any { new File(it + t).exists() } } })
class SandboxCaptureSpec extends Specification {
    @Shared LauncherCopy launcher = new LauncherCopy()

    /** Two namespaces on one cable; interface b in a, interface a in b. */
    static final String LAB = """namespace 'a'
namespace 'b'
link 'a', 'b', ips: ['10.0.0.1/24', '10.0.0.2/24']
apply
"""

    def cleanupSpec() {
        launcher.close()
    }

    def "capture in ./nslab --sandbox started by root shows an ARP request"() {
        given: 'a pings b once a second for a while, forgetting its address before each ping, so that it asks for it again'
        String input = LAB + """exec a sh -c 'for i in 1 2 3 4 5 6 7 8 9 10; do sleep 1; ip neigh flush dev b; ping -c1 -W1 10.0.0.2; done >/dev/null 2>&1 &'
capture b a -c 1 arp
exit
"""

        when:
        def r = launcher.nslab('root', ['--sandbox', 'console'], input)

        then:
        r.out =~ /ARP, Request who-has 10\.0\.0\.2 tell 10\.0\.0\.1/
        r.out.contains('1 packet captured')
    }

    def "started by another user, capture says in one line why it cannot run and what to do"() {
        when:
        def r = launcher.nslab('nobody', ['--sandbox', 'console'], LAB + "capture b a -c 1 arp\nexit\n")
        List<String> said = r.out.readLines().findAll { it.contains('capture:') }

        then:
        said.size() == 1
        said[0].contains('maps only root')
        said[0].contains('as root')

        and: 'the console goes on'
        r.out.contains('bye: the sandbox and everything in it vanish now')
    }
}
