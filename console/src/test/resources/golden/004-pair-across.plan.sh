#!/bin/sh
# nslab plan for lab '004-pair-across': 11 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/004-pair-across.groovy:4: namespace 'net0' {
ip netns add net0

# <dir>/004-pair-across.groovy:9: namespace 'net1' {
ip netns add net1

# <dir>/004-pair-across.groovy:5: veth 'veth0' peer 'net1', name: 'veth1'
ip link add name veth0 netns net0 type veth peer name veth1 netns net1
ip -n net0 link set dev veth0 addrgenmode none
ip -n net1 link set dev veth1 addrgenmode none

# <dir>/004-pair-across.groovy:6: ip '10.0.1.1/24'
ip -n net0 addr add 10.0.1.1/24 dev veth0

# <dir>/004-pair-across.groovy:10: dev 'veth1' { ip '10.0.1.2/24' }
ip -n net1 addr add 10.0.1.2/24 dev veth1

# <dir>/004-pair-across.groovy:4: namespace 'net0' {
ip -n net0 link set dev lo up

# <dir>/004-pair-across.groovy:5: veth 'veth0' peer 'net1', name: 'veth1'
ip -n net0 link set dev veth0 up

# <dir>/004-pair-across.groovy:9: namespace 'net1' {
ip -n net1 link set dev lo up

# <dir>/004-pair-across.groovy:5: veth 'veth0' peer 'net1', name: 'veth1'
ip -n net1 link set dev veth1 up
