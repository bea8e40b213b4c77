#!/bin/sh
# nslab plan for lab 'tun-tap-macvlan': 54 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/tun-tap-macvlan.groovy:5: namespace 'devices' {
ip netns add devices

# ../examples/tun-tap-macvlan.groovy:13: namespace 'macs' {
ip netns add macs

# ../examples/tun-tap-macvlan.groovy:20: namespace 'wire' {
ip netns add wire

# ../examples/tun-tap-macvlan.groovy:25: namespace 'net0' {
ip netns add net0

# ../examples/tun-tap-macvlan.groovy:29: namespace 'net1' {
ip netns add net1

# ../examples/tun-tap-macvlan.groovy:33: namespace 'bridge' {
ip netns add bridge

# ../examples/tun-tap-macvlan.groovy:6: tun 'tun0' { ip '10.9.0.1/24' }         // IP packets to a program; none is attached, so no carrier
ip -n devices tuntap add dev tun0 mode tun

# ../examples/tun-tap-macvlan.groovy:7: tap 'tap0'                              // Ethernet frames to a program; a TAP can join a bridge
ip -n devices tuntap add dev tap0 mode tap

# ../examples/tun-tap-macvlan.groovy:8: bridge 'br-tap' { port 'tap0' }
ip -n devices link add name br-tap type bridge
ip -n devices link set dev tap0 master br-tap

# ../examples/tun-tap-macvlan.groovy:14: veth 'eth0' peer 'wire', name: 'lan0'
ip link add name eth0 netns macs type veth peer name lan0 netns wire

# ../examples/tun-tap-macvlan.groovy:15: macvlan 'mv0' on 'eth0'                 // bridge mode by default
ip -n macs link add name mv0 link eth0 type macvlan mode bridge

# ../examples/tun-tap-macvlan.groovy:17: macvlan 'mv1', mode: 'bridge' on 'eth0'
ip -n macs link add name mv1 link eth0 type macvlan mode bridge

# ../examples/tun-tap-macvlan.groovy:26: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
ip link add name net0-bridge netns net0 type veth peer name bridge-net0 netns bridge

# ../examples/tun-tap-macvlan.groovy:30: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
ip link add name net1-bridge netns net1 type veth peer name bridge-net1 netns bridge

# ../examples/tun-tap-macvlan.groovy:34: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link add name br type bridge
ip -n bridge link set dev bridge-net0 master br
ip -n bridge link set dev bridge-net1 master br

# ../examples/tun-tap-macvlan.groovy:6: tun 'tun0' { ip '10.9.0.1/24' }         // IP packets to a program; none is attached, so no carrier
ip -n devices link set dev tun0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:7: tap 'tap0'                              // Ethernet frames to a program; a TAP can join a bridge
ip -n devices link set dev tap0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:8: bridge 'br-tap' { port 'tap0' }
ip -n devices link set dev br-tap addrgenmode none

# ../examples/tun-tap-macvlan.groovy:14: veth 'eth0' peer 'wire', name: 'lan0'
ip -n macs link set dev eth0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:15: macvlan 'mv0' on 'eth0'                 // bridge mode by default
ip -n macs link set dev mv0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:17: macvlan 'mv1', mode: 'bridge' on 'eth0'
ip -n macs link set dev mv1 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:14: veth 'eth0' peer 'wire', name: 'lan0'
ip -n wire link set dev lan0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:26: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
ip -n net0 link set dev net0-bridge addrgenmode none

# ../examples/tun-tap-macvlan.groovy:30: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
ip -n net1 link set dev net1-bridge addrgenmode none

# ../examples/tun-tap-macvlan.groovy:34: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link set dev br addrgenmode none

# ../examples/tun-tap-macvlan.groovy:26: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
ip -n bridge link set dev bridge-net0 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:30: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
ip -n bridge link set dev bridge-net1 addrgenmode none

# ../examples/tun-tap-macvlan.groovy:6: tun 'tun0' { ip '10.9.0.1/24' }         // IP packets to a program; none is attached, so no carrier
ip -n devices addr add 10.9.0.1/24 dev tun0

# ../examples/tun-tap-macvlan.groovy:16: ip '10.2.0.11/24'
ip -n macs addr add 10.2.0.11/24 dev mv0

# ../examples/tun-tap-macvlan.groovy:18: ip '10.2.0.12/24'
ip -n macs addr add 10.2.0.12/24 dev mv1

# ../examples/tun-tap-macvlan.groovy:21: dev 'lan0' { ip '10.2.0.1/24' }
ip -n wire addr add 10.2.0.1/24 dev lan0

# ../examples/tun-tap-macvlan.groovy:27: ip '10.0.1.1/24'
ip -n net0 addr add 10.0.1.1/24 dev net0-bridge

# ../examples/tun-tap-macvlan.groovy:31: ip '10.0.1.2/24'
ip -n net1 addr add 10.0.1.2/24 dev net1-bridge

# ../examples/tun-tap-macvlan.groovy:5: namespace 'devices' {
ip -n devices link set dev lo up

# ../examples/tun-tap-macvlan.groovy:6: tun 'tun0' { ip '10.9.0.1/24' }         // IP packets to a program; none is attached, so no carrier
ip -n devices link set dev tun0 up

# ../examples/tun-tap-macvlan.groovy:7: tap 'tap0'                              // Ethernet frames to a program; a TAP can join a bridge
ip -n devices link set dev tap0 up

# ../examples/tun-tap-macvlan.groovy:8: bridge 'br-tap' { port 'tap0' }
ip -n devices link set dev br-tap up

# ../examples/tun-tap-macvlan.groovy:13: namespace 'macs' {
ip -n macs link set dev lo up

# ../examples/tun-tap-macvlan.groovy:14: veth 'eth0' peer 'wire', name: 'lan0'
ip -n macs link set dev eth0 up

# ../examples/tun-tap-macvlan.groovy:15: macvlan 'mv0' on 'eth0'                 // bridge mode by default
ip -n macs link set dev mv0 up

# ../examples/tun-tap-macvlan.groovy:17: macvlan 'mv1', mode: 'bridge' on 'eth0'
ip -n macs link set dev mv1 up

# ../examples/tun-tap-macvlan.groovy:20: namespace 'wire' {
ip -n wire link set dev lo up

# ../examples/tun-tap-macvlan.groovy:14: veth 'eth0' peer 'wire', name: 'lan0'
ip -n wire link set dev lan0 up

# ../examples/tun-tap-macvlan.groovy:25: namespace 'net0' {
ip -n net0 link set dev lo up

# ../examples/tun-tap-macvlan.groovy:26: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
ip -n net0 link set dev net0-bridge up

# ../examples/tun-tap-macvlan.groovy:29: namespace 'net1' {
ip -n net1 link set dev lo up

# ../examples/tun-tap-macvlan.groovy:30: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
ip -n net1 link set dev net1-bridge up

# ../examples/tun-tap-macvlan.groovy:33: namespace 'bridge' {
ip -n bridge link set dev lo up

# ../examples/tun-tap-macvlan.groovy:34: bridge 'br' { port 'bridge-net0', 'bridge-net1' }
ip -n bridge link set dev br up

# ../examples/tun-tap-macvlan.groovy:26: veth 'net0-bridge' peer 'bridge', name: 'bridge-net0'
ip -n bridge link set dev bridge-net0 up

# ../examples/tun-tap-macvlan.groovy:30: veth 'net1-bridge' peer 'bridge', name: 'bridge-net1'
ip -n bridge link set dev bridge-net1 up
