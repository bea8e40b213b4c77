#!/bin/sh
# nslab plan for lab 'veth-pairs': 25 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/veth-pairs.groovy:7: namespace 'single' {
ip netns add single

# ../examples/veth-pairs.groovy:19: namespace 'net0'
ip netns add net0

# ../examples/veth-pairs.groovy:20: namespace 'net1'
ip netns add net1

# ../examples/veth-pairs.groovy:8: veth 'veth0' peer 'veth1'               // 'veth1' is no namespace: both ends stay here
ip -n single link add name veth0 type veth peer name veth1

# ../examples/veth-pairs.groovy:21: link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']
ip link add name net1 netns net0 type veth peer name net0 netns net1

# ../examples/veth-pairs.groovy:8: veth 'veth0' peer 'veth1'               // 'veth1' is no namespace: both ends stay here
ip -n single link set dev veth0 addrgenmode none
ip -n single link set dev veth1 addrgenmode none

# ../examples/veth-pairs.groovy:21: link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']
ip -n net0 link set dev net1 addrgenmode none
ip -n net1 link set dev net0 addrgenmode none

# ../examples/veth-pairs.groovy:9: ip '10.10.0.1/24'
ip -n single addr add 10.10.0.1/24 dev veth0

# ../examples/veth-pairs.groovy:10: dev 'veth1' { ip '10.10.0.2/24' }
ip -n single addr add 10.10.0.2/24 dev veth1

# ../examples/veth-pairs.groovy:21: link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']
ip -n net0 addr add 10.0.1.1/24 dev net1
ip -n net1 addr add 10.0.1.2/24 dev net0

# ../examples/veth-pairs.groovy:7: namespace 'single' {
ip -n single link set dev lo up

# ../examples/veth-pairs.groovy:8: veth 'veth0' peer 'veth1'               // 'veth1' is no namespace: both ends stay here
ip -n single link set dev veth0 up
ip -n single link set dev veth1 up

# ../examples/veth-pairs.groovy:19: namespace 'net0'
ip -n net0 link set dev lo up

# ../examples/veth-pairs.groovy:21: link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']
ip -n net0 link set dev net1 up

# ../examples/veth-pairs.groovy:20: namespace 'net1'
ip -n net1 link set dev lo up

# ../examples/veth-pairs.groovy:21: link 'net0', 'net1', ips: ['10.0.1.1/24', '10.0.1.2/24']
ip -n net1 link set dev net0 up

# ../examples/veth-pairs.groovy:11: sysctl 'net.ipv4.conf.all.rp_filter', 0
ip netns exec single sysctl -w net.ipv4.conf.all.rp_filter=0

# ../examples/veth-pairs.groovy:12: sysctl 'net.ipv4.conf.veth0.rp_filter', 0
ip netns exec single sysctl -w net.ipv4.conf.veth0.rp_filter=0

# ../examples/veth-pairs.groovy:13: sysctl 'net.ipv4.conf.veth1.rp_filter', 0
ip netns exec single sysctl -w net.ipv4.conf.veth1.rp_filter=0

# ../examples/veth-pairs.groovy:14: sysctl 'net.ipv4.conf.veth0.accept_local', 1
ip netns exec single sysctl -w net.ipv4.conf.veth0.accept_local=1

# ../examples/veth-pairs.groovy:15: sysctl 'net.ipv4.conf.veth1.accept_local', 1
ip netns exec single sysctl -w net.ipv4.conf.veth1.accept_local=1
