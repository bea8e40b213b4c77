// Seed 003: two networks joined by a router. The gateway namespace has one veth into each
// network and forwards between them; server and client route through it by default.
lab 'server-gateway-client'

namespace 'server' {
    veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
    ip '192.168.100.1/24'
    gateway '192.168.100.254'
}

namespace 'client' {
    veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
    ip '10.0.100.1/24'
    gateway '10.0.100.254'
}

namespace 'gateway' {
    forward true
    dev 'svrgw-veth' { ip '192.168.100.254/24' }
    dev 'cligw-veth' { ip '10.0.100.254/24' }
}

expect {
    reach 'gateway' to '192.168.100.1'
    reach 'gateway' to '10.0.100.1'
    reach 'client' to 'server'              // through the gateway
    reach 'server' to 'client'
}
