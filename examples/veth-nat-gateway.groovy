// Seed 002: a namespace (the tutorial's container001) joined to the host by a veth in one
// /24; its default route points at the host, which forwards and masquerades its traffic.
// Namespace 'internet' stands in for the network behind the host's uplink.
lab 'veth-nat-gateway'

namespace 'container001' {
    dev 'veth1' { ip '192.168.8.2/24' }
    gateway '192.168.8.1'
}

host {
    veth 'veth0' peer 'container001', name: 'veth1'
    ip '192.168.8.1/24'
    veth 'uplink0' peer 'internet', name: 'eth0'
    ip '198.51.100.1/24'
    forward true
    masquerade '192.168.8.0/24', out: 'uplink0'
}

namespace 'internet' {
    dev 'eth0' { ip '198.51.100.2/24' }
}

expect {
    reach 'container001' to '192.168.8.1'
    reach 'container001' to 'internet'
    unreachable 'internet' to 'container001'
}
