#!/bin/sh
# nslab plan for lab 'bridge': 23 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/bridge.groovy:6: namespace "net$i" {
ip netns add net0
ip netns add net1

# ../examples/bridge.groovy:12: namespace 'bridge' {
ip netns add bridge

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip link add name net0-bridge netns net0 type veth peer name bridge-net0 netns bridge
ip link add name net1-bridge netns net1 type veth peer name bridge-net1 netns bridge

# ../examples/bridge.groovy:13: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link add name br type bridge
ip -n bridge link set dev bridge-net0 master br
ip -n bridge link set dev bridge-net1 master br

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip -n net0 link set dev net0-bridge addrgenmode none
ip -n net1 link set dev net1-bridge addrgenmode none

# ../examples/bridge.groovy:13: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link set dev br addrgenmode none

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip -n bridge link set dev bridge-net0 addrgenmode none
ip -n bridge link set dev bridge-net1 addrgenmode none

# ../examples/bridge.groovy:8: ip "10.0.1.${i + 1}/24"
ip -n net0 addr add 10.0.1.1/24 dev net0-bridge
ip -n net1 addr add 10.0.1.2/24 dev net1-bridge

# ../examples/bridge.groovy:6: namespace "net$i" {
ip -n net0 link set dev lo up

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip -n net0 link set dev net0-bridge up

# ../examples/bridge.groovy:6: namespace "net$i" {
ip -n net1 link set dev lo up

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip -n net1 link set dev net1-bridge up

# ../examples/bridge.groovy:12: namespace 'bridge' {
ip -n bridge link set dev lo up

# ../examples/bridge.groovy:13: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link set dev br up

# ../examples/bridge.groovy:7: veth "net$i-bridge" peer 'bridge', name: "bridge-net$i"
ip -n bridge link set dev bridge-net0 up
ip -n bridge link set dev bridge-net1 up
