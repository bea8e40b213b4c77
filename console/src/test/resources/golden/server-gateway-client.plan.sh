#!/bin/sh
# nslab plan for lab 'server-gateway-client': 23 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/server-gateway-client.groovy:5: namespace 'server' {
ip netns add server

# ../examples/server-gateway-client.groovy:11: namespace 'client' {
ip netns add client

# ../examples/server-gateway-client.groovy:17: namespace 'gateway' {
ip netns add gateway

# ../examples/server-gateway-client.groovy:6: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip link add name svr-veth netns server type veth peer name svrgw-veth netns gateway

# ../examples/server-gateway-client.groovy:12: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip link add name cli-veth netns client type veth peer name cligw-veth netns gateway

# ../examples/server-gateway-client.groovy:6: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n server link set dev svr-veth addrgenmode none

# ../examples/server-gateway-client.groovy:12: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n client link set dev cli-veth addrgenmode none

# ../examples/server-gateway-client.groovy:6: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n gateway link set dev svrgw-veth addrgenmode none

# ../examples/server-gateway-client.groovy:12: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n gateway link set dev cligw-veth addrgenmode none

# ../examples/server-gateway-client.groovy:7: ip '192.168.100.1/24'
ip -n server addr add 192.168.100.1/24 dev svr-veth

# ../examples/server-gateway-client.groovy:13: ip '10.0.100.1/24'
ip -n client addr add 10.0.100.1/24 dev cli-veth

# ../examples/server-gateway-client.groovy:19: dev 'svrgw-veth' { ip '192.168.100.254/24' }
ip -n gateway addr add 192.168.100.254/24 dev svrgw-veth

# ../examples/server-gateway-client.groovy:20: dev 'cligw-veth' { ip '10.0.100.254/24' }
ip -n gateway addr add 10.0.100.254/24 dev cligw-veth

# ../examples/server-gateway-client.groovy:5: namespace 'server' {
ip -n server link set dev lo up

# ../examples/server-gateway-client.groovy:6: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n server link set dev svr-veth up

# ../examples/server-gateway-client.groovy:11: namespace 'client' {
ip -n client link set dev lo up

# ../examples/server-gateway-client.groovy:12: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n client link set dev cli-veth up

# ../examples/server-gateway-client.groovy:17: namespace 'gateway' {
ip -n gateway link set dev lo up

# ../examples/server-gateway-client.groovy:6: veth 'svr-veth' peer 'gateway', name: 'svrgw-veth'
ip -n gateway link set dev svrgw-veth up

# ../examples/server-gateway-client.groovy:12: veth 'cli-veth' peer 'gateway', name: 'cligw-veth'
ip -n gateway link set dev cligw-veth up

# ../examples/server-gateway-client.groovy:8: gateway '192.168.100.254'
ip -n server route add default via 192.168.100.254

# ../examples/server-gateway-client.groovy:14: gateway '10.0.100.254'
ip -n client route add default via 10.0.100.254

# ../examples/server-gateway-client.groovy:18: forward true
ip netns exec gateway sysctl -w net.ipv4.ip_forward=1
