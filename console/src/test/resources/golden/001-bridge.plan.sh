#!/bin/sh
# nslab plan for lab '001-bridge': 23 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/001-bridge.groovy:4: namespace 'net0' {
ip netns add net0

# <dir>/001-bridge.groovy:9: namespace 'net1' {
ip netns add net1

# <dir>/001-bridge.groovy:14: namespace 'bridge' {
ip netns add bridge

# <dir>/001-bridge.groovy:5: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' // line 6 made veth0 and veth1, renamed later
ip link add name net0-bridge netns net0 type veth peer name bridge-net0 netns bridge

# <dir>/001-bridge.groovy:10: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' // line 9 made veth0 and veth1, renamed later
ip link add name net1-bridge netns net1 type veth peer name bridge-net1 netns bridge

# <dir>/001-bridge.groovy:15: bridge 'br' {
ip -n bridge link add name br type bridge

# <dir>/001-bridge.groovy:16: port 'bridge-net0', 'bridge-net1'
ip -n bridge link set dev bridge-net0 master br
ip -n bridge link set dev bridge-net1 master br

# <dir>/001-bridge.groovy:5: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' // line 6 made veth0 and veth1, renamed later
ip -n net0 link set dev net0-bridge addrgenmode none

# <dir>/001-bridge.groovy:10: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' // line 9 made veth0 and veth1, renamed later
ip -n net1 link set dev net1-bridge addrgenmode none

# <dir>/001-bridge.groovy:15: bridge 'br' {
ip -n bridge link set dev br addrgenmode none

# <dir>/001-bridge.groovy:5: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' // line 6 made veth0 and veth1, renamed later
ip -n bridge link set dev bridge-net0 addrgenmode none

# <dir>/001-bridge.groovy:10: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' // line 9 made veth0 and veth1, renamed later
ip -n bridge link set dev bridge-net1 addrgenmode none

# <dir>/001-bridge.groovy:6: ip '10.0.1.1/24'                            // ifconfig net0-bridge 10.0.1.1 netmask 255.255.255.0 up
ip -n net0 addr add 10.0.1.1/24 dev net0-bridge

# <dir>/001-bridge.groovy:11: ip '10.0.1.2/24'                            // ifconfig net1-bridge 10.0.1.2 netmask 255.255.255.0 up
ip -n net1 addr add 10.0.1.2/24 dev net1-bridge

# <dir>/001-bridge.groovy:4: namespace 'net0' {
ip -n net0 link set dev lo up

# <dir>/001-bridge.groovy:5: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' // line 6 made veth0 and veth1, renamed later
ip -n net0 link set dev net0-bridge up

# <dir>/001-bridge.groovy:9: namespace 'net1' {
ip -n net1 link set dev lo up

# <dir>/001-bridge.groovy:10: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' // line 9 made veth0 and veth1, renamed later
ip -n net1 link set dev net1-bridge up

# <dir>/001-bridge.groovy:14: namespace 'bridge' {
ip -n bridge link set dev lo up

# <dir>/001-bridge.groovy:15: bridge 'br' {
ip -n bridge link set dev br up

# <dir>/001-bridge.groovy:5: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0' // line 6 made veth0 and veth1, renamed later
ip -n bridge link set dev bridge-net0 up

# <dir>/001-bridge.groovy:10: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1' // line 9 made veth0 and veth1, renamed later
ip -n bridge link set dev bridge-net1 up
