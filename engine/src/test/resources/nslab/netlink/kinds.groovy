// The kinds of step the examples and the dual-stack lab leave out, for the executor comparison:
// a VXLAN without a remote, a macvlan on the host's interface, a VEPA macvlan, a token bucket, the
// firewall's forms and a host sysctl. (A VLAN needs the 8021q module, which the test machine's
// kernel lacks: OperationBytesSpec holds its request.)
lab 'kinds'

host {
    veth 'k-up' peer 'edge', name: 'eth0'
    ip '10.70.0.1/24'
    sysctl 'net.ipv4.conf.k-up.forwarding', 1
}

namespace 'edge' {
    dev 'eth0' { ip '10.70.0.2/24'; mtu 1450; rate '10mbit' }
    vxlan 'vx7', id: 7, port: 4790
    macvlan 'mv7', mode: 'private' on 'k-up', from: 'host'
    ip '10.70.0.7/24'
    macvlan 'mv8', mode: 'vepa' on 'eth0'
    ip '10.71.0.1/24'
    gateway '10.70.0.1'
    forward true
    masquerade '10.71.0.0/24', out: 'eth0'
    accept in: 'mv8', out: 'eth0'
    forwardPort 8080, to: '10.71.0.2:80', in: 'eth0'
}

expect {
    reach 'edge' to '10.70.0.1'
}
