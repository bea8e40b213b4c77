#!/bin/sh
# nslab plan for lab '001-macvlan': 19 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/001-macvlan.groovy:4: namespace 'lan' {
ip netns add lan

# <dir>/001-macvlan.groovy:8: namespace 'net0' {
ip netns add net0

# <dir>/001-macvlan.groovy:13: namespace 'net1' {
ip netns add net1

# <dir>/001-macvlan.groovy:19: veth 'eth0' peer 'lan', name: 'wire0'
ip link add name eth0 type veth peer name wire0 netns lan

# <dir>/001-macvlan.groovy:9: macvlan 'mv0' on 'eth0', from: 'host'
ip link add name mv0 link eth0 netns net0 type macvlan mode bridge

# <dir>/001-macvlan.groovy:14: macvlan 'mv1' on 'eth0', from: 'host'
ip link add name mv1 link eth0 netns net1 type macvlan mode bridge

# <dir>/001-macvlan.groovy:19: veth 'eth0' peer 'lan', name: 'wire0'
ip -n lan link set dev wire0 addrgenmode none

# <dir>/001-macvlan.groovy:9: macvlan 'mv0' on 'eth0', from: 'host'
ip -n net0 link set dev mv0 addrgenmode none

# <dir>/001-macvlan.groovy:14: macvlan 'mv1' on 'eth0', from: 'host'
ip -n net1 link set dev mv1 addrgenmode none

# <dir>/001-macvlan.groovy:5: dev 'wire0' { ip '192.168.1.1/24' }
ip -n lan addr add 192.168.1.1/24 dev wire0

# <dir>/001-macvlan.groovy:10: ip '192.168.1.10/24'
ip -n net0 addr add 192.168.1.10/24 dev mv0

# <dir>/001-macvlan.groovy:15: ip '192.168.1.11/24'
ip -n net1 addr add 192.168.1.11/24 dev mv1

# <dir>/001-macvlan.groovy:4: namespace 'lan' {
ip -n lan link set dev lo up

# <dir>/001-macvlan.groovy:19: veth 'eth0' peer 'lan', name: 'wire0'
ip -n lan link set dev wire0 up

# <dir>/001-macvlan.groovy:8: namespace 'net0' {
ip -n net0 link set dev lo up

# <dir>/001-macvlan.groovy:9: macvlan 'mv0' on 'eth0', from: 'host'
ip -n net0 link set dev mv0 up

# <dir>/001-macvlan.groovy:13: namespace 'net1' {
ip -n net1 link set dev lo up

# <dir>/001-macvlan.groovy:14: macvlan 'mv1' on 'eth0', from: 'host'
ip -n net1 link set dev mv1 up

# <dir>/001-macvlan.groovy:19: veth 'eth0' peer 'lan', name: 'wire0'
ip link set dev eth0 up
