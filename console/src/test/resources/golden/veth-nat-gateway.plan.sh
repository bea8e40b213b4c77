#!/bin/sh
# nslab plan for lab 'veth-nat-gateway': 19 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/veth-nat-gateway.groovy:6: namespace 'container001' {
ip netns add container001

# ../examples/veth-nat-gateway.groovy:20: namespace 'internet' {
ip netns add internet

# ../examples/veth-nat-gateway.groovy:12: veth 'veth0' peer 'container001', name: 'veth1'
ip link add name veth0 type veth peer name veth1 netns container001

# ../examples/veth-nat-gateway.groovy:14: veth 'uplink0' peer 'internet', name: 'eth0'
ip link add name uplink0 type veth peer name eth0 netns internet

# ../examples/veth-nat-gateway.groovy:12: veth 'veth0' peer 'container001', name: 'veth1'
ip -n container001 link set dev veth1 addrgenmode none

# ../examples/veth-nat-gateway.groovy:14: veth 'uplink0' peer 'internet', name: 'eth0'
ip -n internet link set dev eth0 addrgenmode none

# ../examples/veth-nat-gateway.groovy:7: dev 'veth1' { ip '192.168.8.2/24' }
ip -n container001 addr add 192.168.8.2/24 dev veth1

# ../examples/veth-nat-gateway.groovy:13: ip '192.168.8.1/24'
ip addr add 192.168.8.1/24 dev veth0

# ../examples/veth-nat-gateway.groovy:15: ip '198.51.100.1/24'
ip addr add 198.51.100.1/24 dev uplink0

# ../examples/veth-nat-gateway.groovy:21: dev 'eth0' { ip '198.51.100.2/24' }
ip -n internet addr add 198.51.100.2/24 dev eth0

# ../examples/veth-nat-gateway.groovy:6: namespace 'container001' {
ip -n container001 link set dev lo up

# ../examples/veth-nat-gateway.groovy:12: veth 'veth0' peer 'container001', name: 'veth1'
ip -n container001 link set dev veth1 up
ip link set dev veth0 up

# ../examples/veth-nat-gateway.groovy:14: veth 'uplink0' peer 'internet', name: 'eth0'
ip link set dev uplink0 up

# ../examples/veth-nat-gateway.groovy:20: namespace 'internet' {
ip -n internet link set dev lo up

# ../examples/veth-nat-gateway.groovy:14: veth 'uplink0' peer 'internet', name: 'eth0'
ip -n internet link set dev eth0 up

# ../examples/veth-nat-gateway.groovy:8: gateway '192.168.8.1'
ip -n container001 route add default via 192.168.8.1

# ../examples/veth-nat-gateway.groovy:16: forward true
sysctl -w net.ipv4.ip_forward=1

# ../examples/veth-nat-gateway.groovy:17: masquerade '192.168.8.0/24', out: 'uplink0'
iptables -t nat -A POSTROUTING -s 192.168.8.0/24 -o uplink0 -j MASQUERADE
