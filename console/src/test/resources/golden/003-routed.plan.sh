#!/bin/sh
# nslab plan for lab '003-routed': 23 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/003-routed.groovy:4: namespace 'server' {
ip netns add server

# <dir>/003-routed.groovy:10: namespace 'gateway' {
ip netns add gateway

# <dir>/003-routed.groovy:16: namespace 'client' {
ip netns add client

# <dir>/003-routed.groovy:5: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip link add name svr-veth netns server type veth peer name svrgw-veth netns gateway

# <dir>/003-routed.groovy:17: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip link add name cli-veth netns client type veth peer name cligw-veth netns gateway

# <dir>/003-routed.groovy:5: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n server link set dev svr-veth addrgenmode none
ip -n gateway link set dev svrgw-veth addrgenmode none

# <dir>/003-routed.groovy:17: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n gateway link set dev cligw-veth addrgenmode none
ip -n client link set dev cli-veth addrgenmode none

# <dir>/003-routed.groovy:6: ip '192.168.100.1/24'                       // ifconfig svr-veth 192.168.100.1
ip -n server addr add 192.168.100.1/24 dev svr-veth

# <dir>/003-routed.groovy:11: dev 'svrgw-veth' { ip '192.168.100.254/24' } // ifconfig svrgw-veth 192.168.100.254
ip -n gateway addr add 192.168.100.254/24 dev svrgw-veth

# <dir>/003-routed.groovy:12: dev 'cligw-veth' { ip '10.0.100.254/8' }    // ifconfig cligw-veth 10.0.100.254
ip -n gateway addr add 10.0.100.254/8 dev cligw-veth

# <dir>/003-routed.groovy:18: ip '10.0.100.1/8'                           // ifconfig cli-veth 10.0.100.1
ip -n client addr add 10.0.100.1/8 dev cli-veth

# <dir>/003-routed.groovy:4: namespace 'server' {
ip -n server link set dev lo up

# <dir>/003-routed.groovy:5: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n server link set dev svr-veth up

# <dir>/003-routed.groovy:10: namespace 'gateway' {
ip -n gateway link set dev lo up

# <dir>/003-routed.groovy:5: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n gateway link set dev svrgw-veth up

# <dir>/003-routed.groovy:17: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n gateway link set dev cligw-veth up

# <dir>/003-routed.groovy:16: namespace 'client' {
ip -n client link set dev lo up

# <dir>/003-routed.groovy:17: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n client link set dev cli-veth up

# <dir>/003-routed.groovy:7: gateway '192.168.100.254'                   // route add default gw 192.168.100.254
ip -n server route add default via 192.168.100.254

# <dir>/003-routed.groovy:19: gateway '10.0.100.254'                      // route add default gw 10.0.100.254
ip -n client route add default via 10.0.100.254

# <dir>/003-routed.groovy:13: forward true                                // sysctl net.ipv4.ip_forward=1
ip netns exec gateway sysctl -w net.ipv4.ip_forward=1
