// Every kind of step the planner makes that the examples leave out: a VLAN, a VXLAN without a
// remote, a macvlan on the host's interface, an MTU and a MAC, the firewall's three forms,
// netem and tbf, IPv6 routes, a host sysctl and a background program.
lab 'every-kind'

host {
    veth 'ek-up' peer 'edge', name: 'eth0'
    ip '10.70.0.1/24'
    sysctl 'net.ipv4.conf.ek-up.forwarding', 1
}

namespace 'edge' {
    dev 'eth0' { ip '10.70.0.2/24'; mtu 1450; mac '02:00:00:00:70:02'; netem delay: '10ms', jitter: '2ms', loss: '1%'; rate '10mbit' }
    vlan 'eth0.10' on 'eth0', id: 10
    ip '10.71.0.1/24'
    vxlan 'vx7', id: 7, port: 4790
    macvlan 'mv7', mode: 'private' on 'ek-up', from: 'host'
    veth 'to-core' peer 'core', name: 'up0'
    ip 'fd00:77::1/64'
    rate '5mbit'
    gateway '10.70.0.1'
    route 'fd00:78::/64' via 'fd00:77::2'
    forward true
    masquerade '10.71.0.0/24', out: 'eth0'
    accept in: 'to-core', out: 'eth0'
    drop in: 'eth0.10'
    forwardPort 8080, to: '10.71.0.2:80', in: 'eth0'
    forwardPort 5353, to: '10.71.0.2:53', proto: 'udp'
}

namespace 'core' {
    dev 'up0' { ip 'fd00:77::2/64' }
    tap 'tap9' { down }
    loopback false
    route 'default' via 'fd00:77::1'
    run 'sleep 1000 # "quoted" words'
}
