// Both address families across a router, a bridge with a MAC-set port, an MTU, a VXLAN over a
// veth, host routes and sysctls: the executor comparison's lab beside the examples.
lab 'dualstack'

namespace 'router' {
    veth 'to-a' peer 'a', name: 'eth0'
    ip '10.1.0.1/24'
    ip 'fd00:1::1/64'
    mtu 1400
    veth 'to-b' peer 'b', name: 'eth0'
    ip '10.2.0.1/24'
    ip 'fd00:2::1/64'
    forward true
    sysctl 'net.ipv4.conf.all.arp_ignore', 1
}
namespace 'a' {
    dev 'eth0' { ip '10.1.0.2/24'; ip 'fd00:1::2/64'; mac '02:00:00:00:01:02'; mtu 1400 }
    gateway '10.1.0.1'
    route 'default' via 'fd00:1::1'
    route '10.9.9.9' dev 'eth0'
}
namespace 'b' {
    dev 'eth0' { ip '10.2.0.2/24'; ip 'fd00:2::2/64' }
    route '10.1.0.0/24' via '10.2.0.1' dev 'eth0'
    route 'fd00:1::/64' via 'fd00:2::1'
    veth 'b-sw' peer 'sw', name: 'sw-b'
    vxlan 'vx0', id: 42, remote: '10.2.0.1', dev: 'eth0'
}
namespace 'sw' {
    bridge 'br0' { port 'sw-b'; ip '192.168.50.1/24'; ip 'fd00:50::1/64' }
    dev 'sw-b' { mac '02:00:00:00:50:0b' }
}

expect {
    reach 'a' to '10.2.0.2'
    reach 'a' to 'fd00:2::2'
    reach 'b' to 'fd00:1::2'
}
