// Seed 004: veth pairs, first with both ends in one namespace, then across two.
// With both ends in one namespace a ping out of veth0 to veth1's address arrives with a source
// address that is the namespace's own: the kernel drops it unless accept_local is on and
// reverse-path filtering is off, which is what the tutorial's ARP script came to.
lab 'veth-pairs'

namespace 'single' {
    veth 'veth0' peer 'veth1'               // 'veth1' is no namespace: both ends stay here
    ip '10.10.0.1/24'
    dev 'veth1' { ip '10.10.0.2/24' }
    sysctl 'net.ipv4.conf.all.rp_filter', 0
    sysctl 'net.ipv4.conf.veth0.rp_filter', 0
    sysctl 'net.ipv4.conf.veth1.rp_filter', 0
    sysctl 'net.ipv4.conf.veth0.accept_local', 1
    sysctl 'net.ipv4.conf.veth1.accept_local', 1
}

// Across two namespaces: link names each end after the namespace at the other end.
namespace 'net0'
namespace 'net1'
link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']

expect {
    reach 'single' to '10.10.0.2', dev: 'veth0'   // out of veth0, in at veth1
    reach 'net0' to '10.0.1.2'
    reach 'net1' to '10.0.1.1'
}
