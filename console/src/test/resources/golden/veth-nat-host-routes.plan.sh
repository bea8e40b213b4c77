#!/bin/sh
# nslab plan for lab 'veth-nat-host-routes': 23 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/veth-nat-host-routes.groovy:7: namespace 'nstest' {
ip netns add nstest

# ../examples/veth-nat-host-routes.groovy:25: namespace 'internet' {                      // stands in for the internet
ip netns add internet

# ../examples/veth-nat-host-routes.groovy:14: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip link add name veth-a type veth peer name veth-b netns nstest

# ../examples/veth-nat-host-routes.groovy:17: veth 'uplink0' peer 'internet', name: 'eth0'
ip link add name uplink0 type veth peer name eth0 netns internet

# ../examples/veth-nat-host-routes.groovy:14: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip -n nstest link set dev veth-b addrgenmode none

# ../examples/veth-nat-host-routes.groovy:17: veth 'uplink0' peer 'internet', name: 'eth0'
ip -n internet link set dev eth0 addrgenmode none

# ../examples/veth-nat-host-routes.groovy:8: dev 'veth-b' { ip '10.0.0.3' }          // /32: nslab warns that no connected route comes with it
ip -n nstest addr add 10.0.0.3 dev veth-b

# ../examples/veth-nat-host-routes.groovy:15: ip '10.0.0.2'
ip addr add 10.0.0.2 dev veth-a

# ../examples/veth-nat-host-routes.groovy:18: ip '203.0.113.1/24'
ip addr add 203.0.113.1/24 dev uplink0

# ../examples/veth-nat-host-routes.groovy:26: dev 'eth0' { ip '203.0.113.2/24' }
ip -n internet addr add 203.0.113.2/24 dev eth0

# ../examples/veth-nat-host-routes.groovy:7: namespace 'nstest' {
ip -n nstest link set dev lo up

# ../examples/veth-nat-host-routes.groovy:14: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip -n nstest link set dev veth-b up
ip link set dev veth-a up

# ../examples/veth-nat-host-routes.groovy:17: veth 'uplink0' peer 'internet', name: 'eth0'
ip link set dev uplink0 up

# ../examples/veth-nat-host-routes.groovy:25: namespace 'internet' {                      // stands in for the internet
ip -n internet link set dev lo up

# ../examples/veth-nat-host-routes.groovy:17: veth 'uplink0' peer 'internet', name: 'eth0'
ip -n internet link set dev eth0 up

# ../examples/veth-nat-host-routes.groovy:9: route '10.0.0.2' dev 'veth-b'           // first a route to the host's end...
ip -n nstest route add 10.0.0.2 dev veth-b

# ../examples/veth-nat-host-routes.groovy:10: gateway '10.0.0.2'                      // ...so that the kernel accepts it as the gateway
ip -n nstest route add default via 10.0.0.2

# ../examples/veth-nat-host-routes.groovy:16: route '10.0.0.3' dev 'veth-a'           // the host's way back to the namespace
ip route add 10.0.0.3 dev veth-a

# ../examples/veth-nat-host-routes.groovy:19: forward true
sysctl -w net.ipv4.ip_forward=1

# ../examples/veth-nat-host-routes.groovy:20: accept in: 'veth-a', out: 'uplink0'
iptables -A FORWARD -i veth-a -o uplink0 -j ACCEPT

# ../examples/veth-nat-host-routes.groovy:21: accept in: 'uplink0', out: 'veth-a'
iptables -A FORWARD -i uplink0 -o veth-a -j ACCEPT

# ../examples/veth-nat-host-routes.groovy:22: masquerade '10.0.0.0/24', out: 'uplink0'
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o uplink0 -j MASQUERADE
