// Seed 001: the virtual devices — TUN, TAP, MACVLAN — and two namespaces joined through a
// third that holds a bridge.
lab 'tun-tap-macvlan'

namespace 'devices' {
    tun 'tun0' { ip '10.9.0.1/24' }         // IP packets to a program; none is attached, so no carrier
    tap 'tap0'                              // Ethernet frames to a program; a TAP can join a bridge
    bridge 'br-tap' { port 'tap0' }
}

// MACVLAN: several interfaces with their own MAC addresses on one parent. 'wire' stands in
// for the network the physical card is plugged into.
namespace 'macs' {
    veth 'eth0' peer 'wire', name: 'lan0'
    macvlan 'mv0' on 'eth0'                 // bridge mode by default
    ip '10.2.0.11/24'
    macvlan 'mv1', mode: 'bridge' on 'eth0'
    ip '10.2.0.12/24'
}
namespace 'wire' {
    dev 'lan0' { ip '10.2.0.1/24' }
}

// The bridge lab: net0 and net1 each get a cable to namespace 'bridge', whose bridge joins them.
namespace 'net0' {
    veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
    ip '10.0.1.1/24'
}
namespace 'net1' {
    veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
    ip '10.0.1.2/24'
}
namespace 'bridge' {
    bridge 'br' { port 'bridge-net0', 'bridge-net1' }
}

expect {
    reach 'wire' to '10.2.0.11'             // each MACVLAN answers for itself on the parent's wire
    reach 'wire' to '10.2.0.12'
    reach 'net0' to 'net1'                  // across the bridge
    reach 'net1' to 'net0'
}
