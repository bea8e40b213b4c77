// Seed 000: a namespace joined to the host by a veth pair. The tutorial gives both ends an
// address without a prefix (/32), so no connected route exists: host routes through each end
// make them reach each other, and the host forwards and NATs the namespace's traffic out.
// Where the tutorial reaches the internet, namespace 'internet' stands in for it.
lab 'veth-nat-host-routes'

namespace 'nstest' {
    dev 'veth-b' { ip '10.0.0.3' }          // /32: nslab warns that no connected route comes with it
    route '10.0.0.2' dev 'veth-b'           // first a route to the host's end...
    gateway '10.0.0.2'                      // ...so that the kernel accepts it as the gateway
}

host {
    veth 'veth-a' peer 'nstest', name: 'veth-b'
    ip '10.0.0.2'
    route '10.0.0.3' dev 'veth-a'           // the host's way back to the namespace
    veth 'uplink0' peer 'internet', name: 'eth0'
    ip '203.0.113.1/24'
    forward true
    accept in: 'veth-a', out: 'uplink0'
    accept in: 'uplink0', out: 'veth-a'
    masquerade '10.0.0.0/24', out: 'uplink0'
}

namespace 'internet' {                      // stands in for the internet
    dev 'eth0' { ip '203.0.113.2/24' }
}

expect {
    reach 'nstest' to '10.0.0.2'            // the two ends of the veth
    reach 'nstest' to 'internet'            // out through the host's NAT
    unreachable 'internet' to '10.0.0.3'    // the namespace stays hidden behind the NAT
}
