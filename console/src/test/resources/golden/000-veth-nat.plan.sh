#!/bin/sh
# nslab plan for lab '000-veth-nat': 23 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/000-veth-nat.groovy:4: namespace 'internet' {
ip netns add internet

# <dir>/000-veth-nat.groovy:8: namespace 'nstest' {
ip netns add nstest

# <dir>/000-veth-nat.groovy:15: veth 'eth0' peer 'internet', name: 'wan0'
ip link add name eth0 type veth peer name wan0 netns internet

# <dir>/000-veth-nat.groovy:17: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip link add name veth-a type veth peer name veth-b netns nstest

# <dir>/000-veth-nat.groovy:15: veth 'eth0' peer 'internet', name: 'wan0'
ip -n internet link set dev wan0 addrgenmode none

# <dir>/000-veth-nat.groovy:17: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip -n nstest link set dev veth-b addrgenmode none

# <dir>/000-veth-nat.groovy:5: dev 'wan0' { ip '203.0.113.2/24' }
ip -n internet addr add 203.0.113.2/24 dev wan0

# <dir>/000-veth-nat.groovy:9: dev 'veth-b' { ip '10.0.0.3' }
ip -n nstest addr add 10.0.0.3 dev veth-b

# <dir>/000-veth-nat.groovy:16: ip '203.0.113.1/24'
ip addr add 203.0.113.1/24 dev eth0

# <dir>/000-veth-nat.groovy:18: ip '10.0.0.2'
ip addr add 10.0.0.2 dev veth-a

# <dir>/000-veth-nat.groovy:4: namespace 'internet' {
ip -n internet link set dev lo up

# <dir>/000-veth-nat.groovy:15: veth 'eth0' peer 'internet', name: 'wan0'
ip -n internet link set dev wan0 up

# <dir>/000-veth-nat.groovy:8: namespace 'nstest' {
ip -n nstest link set dev lo up

# <dir>/000-veth-nat.groovy:17: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip -n nstest link set dev veth-b up

# <dir>/000-veth-nat.groovy:15: veth 'eth0' peer 'internet', name: 'wan0'
ip link set dev eth0 up

# <dir>/000-veth-nat.groovy:17: veth 'veth-a' peer 'nstest', name: 'veth-b'
ip link set dev veth-a up

# <dir>/000-veth-nat.groovy:10: route '10.0.0.2' dev 'veth-b'               // route add -host 10.0.0.2 dev veth-b
ip -n nstest route add 10.0.0.2 dev veth-b

# <dir>/000-veth-nat.groovy:11: route 'default' via '10.0.0.2' dev 'veth-b' // route add -net default gw 10.0.0.2 dev veth-b
ip -n nstest route add default via 10.0.0.2 dev veth-b

# <dir>/000-veth-nat.groovy:19: route '10.0.0.3' dev 'veth-a'               // route add -host 10.0.0.3 dev veth-a
ip route add 10.0.0.3 dev veth-a

# <dir>/000-veth-nat.groovy:20: forward true                                // echo 1 | tee /proc/sys/net/ipv4/ip_forward
sysctl -w net.ipv4.ip_forward=1

# <dir>/000-veth-nat.groovy:21: accept in: 'veth-a', out: 'eth0'            // iptables -A FORWARD -t filter --out-interface eth0 --in-interface veth-a -j ACCEPT
iptables -A FORWARD -i veth-a -o eth0 -j ACCEPT

# <dir>/000-veth-nat.groovy:22: accept in: 'eth0', out: 'veth-a'            // iptables -A FORWARD -t filter --in-interface eth0 --out-interface veth-a -j ACCEPT
iptables -A FORWARD -i eth0 -o veth-a -j ACCEPT

# <dir>/000-veth-nat.groovy:23: masquerade '10.0.0.0/24', out: 'eth0'       // iptables -t nat -A POSTROUTING --source 10.0.0.0/24 --out-interface eth0 -j MASQUERADE
iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -o eth0 -j MASQUERADE
