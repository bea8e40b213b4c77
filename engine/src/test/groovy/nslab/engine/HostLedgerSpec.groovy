package nslab.engine

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** The host ledger keeps what the labs left on the host; a ledger others could write is not read. */
class HostLedgerSpec extends Specification {
    @TempDir Path dir

    def "values and tables are kept until released, in a file only its owner may write"() {
        given:
        def ledger = new HostLedger(dir)

        when:
        ledger.wrote('net.ipv4.conf.all.rp_filter', '1')
        ledger.wrote('net.ipv4.conf.all.rp_filter', '2')
        ledger.tableMade('nat')

        then:
        new HostLedger(dir).lastWritten('net.ipv4.conf.all.rp_filter').get() == '2'
        new HostLedger(dir).tables() == ['nat'] as Set
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve('host-ledger'))) == 'rw-------'

        when:
        ledger.released('net.ipv4.conf.all.rp_filter')
        ledger.tableGone('nat')

        then: 'an empty ledger is no file'
        ledger.lastWritten('net.ipv4.conf.all.rp_filter').empty
        !Files.exists(dir.resolve('host-ledger'))
    }

    def "a ledger #how is not read"() {
        given:
        def ledger = new HostLedger(dir)
        ledger.wrote('net.ipv4.ip_forward', '1')
        spoil(dir)

        expect:
        ledger.lastWritten('net.ipv4.ip_forward').empty

        where:
        how                      | spoil
        'that others may write'  | { Path d -> Files.setPosixFilePermissions(d.resolve('host-ledger'), PosixFilePermissions.fromString('rw-rw-rw-')) }
        'that is a symbolic link' | { Path d -> Files.move(d.resolve('host-ledger'), d.resolve('elsewhere')); Files.createSymbolicLink(d.resolve('host-ledger'), d.resolve('elsewhere')) }
        'with lines of no form'  | { Path d -> Files.writeString(d.resolve('host-ledger'), 'sysctl net.ipv4.ip_forward\nrm -rf /\n') }
    }
}
