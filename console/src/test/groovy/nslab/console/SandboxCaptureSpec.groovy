package nslab.console

import java.util.concurrent.TimeUnit
import spock.lang.Requires
import spock.lang.Specification
import spock.lang.Timeout

/**
 * capture streams tcpdump's output. tcpdump started as root changes to its own user, which a
 * namespace mapping only root refuses; so this sandbox is a user namespace whose uid and gid maps
 * the spec (as root) writes in full, with setgroups allowed, plus its own network and mounts.
 */
@Timeout(120)
@Requires({ ['id', '-u'].execute().text.trim() == '0' && ['tcpdump', 'unshare'].every { t -> ['/usr/bin/', '/usr/sbin/', '/bin/', '/sbin/'].any { new File(it + t).exists() } } })
class SandboxCaptureSpec extends Specification {
    SandboxedConsole console
    ConsoleScreen screen

    def setup() {
        console = SandboxedConsole.startFullyMapped(['--live'], 'nslab live> ')
        screen = console.screen
    }

    def cleanup() {
        console?.close()
    }

    def "capture shows packets on an interface as they pass"() {
        given:
        ["namespace 'a'", "namespace 'b'", "link 'a', 'b', ips: ['10.0.0.1/24', '10.0.0.2/24']"].each {
            screen.line(it); screen.waitFor('nslab live> ', 30000)
        }

        when: 'a capture of two packets in b, while a pings b (started from outside, in the sandbox)'
        screen.line('capture b a -c 2 icmp')
        screen.waitFor('listening on a', 30000)
        def pinger = new ProcessBuilder('nsenter', '-t', console.child.pid().toString(), '-U', '-n', '-m', '--preserve-credentials',
                'ip', 'netns', 'exec', 'a', 'ping', '-c', '4', '-i', '0.3', '10.0.0.2').redirectErrorStream(true).start()
        String captured = screen.waitFor('nslab live> ', 30000)
        pinger.waitFor(10, TimeUnit.SECONDS)

        then:
        captured =~ /IP 10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/
        captured.contains('2 packets captured')
    }
}
