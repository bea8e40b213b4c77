#!/bin/sh
# nslab plan for lab 'every-kind': 37 commands. Run as root: sh -e THIS_FILE
set -e

# src/test/resources/golden/labs/every-kind.groovy:12: namespace 'edge' {
ip netns add edge

# src/test/resources/golden/labs/every-kind.groovy:31: namespace 'core' {
ip netns add core

# src/test/resources/golden/labs/every-kind.groovy:7: veth 'ek-up' peer 'edge', name: 'eth0'
ip link add name ek-up type veth peer name eth0 netns edge

# src/test/resources/golden/labs/every-kind.groovy:18: veth 'to-core' peer 'core', name: 'up0'
ip link add name to-core netns edge type veth peer name up0 netns core

# src/test/resources/golden/labs/every-kind.groovy:14: vlan 'eth0.10' on 'eth0', id: 10
ip -n edge link add name eth0.10 link eth0 type vlan id 10

# src/test/resources/golden/labs/every-kind.groovy:16: vxlan 'vx7', id: 7, port: 4790
ip -n edge link add name vx7 type vxlan id 7 dstport 4790

# src/test/resources/golden/labs/every-kind.groovy:17: macvlan 'mv7', mode: 'private' on 'ek-up', from: 'host'
ip link add name mv7 link ek-up netns edge type macvlan mode private

# src/test/resources/golden/labs/every-kind.groovy:13: dev 'eth0' { ip '10.70.0.2/24'; mtu 1450; mac '02:00:00:00:70:02'; netem delay: '10ms', jitter: '2ms', loss: '1%'; rate '10mbit' }
ip -n edge link set dev eth0 mtu 1450
ip -n edge link set dev eth0 address 02:00:00:00:70:02

# src/test/resources/golden/labs/every-kind.groovy:33: tap 'tap9' { down }
ip -n core tuntap add dev tap9 mode tap

# src/test/resources/golden/labs/every-kind.groovy:8: ip '10.70.0.1/24'
ip addr add 10.70.0.1/24 dev ek-up

# src/test/resources/golden/labs/every-kind.groovy:13: dev 'eth0' { ip '10.70.0.2/24'; mtu 1450; mac '02:00:00:00:70:02'; netem delay: '10ms', jitter: '2ms', loss: '1%'; rate '10mbit' }
ip -n edge addr add 10.70.0.2/24 dev eth0

# src/test/resources/golden/labs/every-kind.groovy:15: ip '10.71.0.1/24'
ip -n edge addr add 10.71.0.1/24 dev eth0.10

# src/test/resources/golden/labs/every-kind.groovy:19: ip 'fd00:77::1/64'
ip -n edge addr add fd00:77::1/64 dev to-core

# src/test/resources/golden/labs/every-kind.groovy:32: dev 'up0' { ip 'fd00:77::2/64' }
ip -n core addr add fd00:77::2/64 dev up0

# src/test/resources/golden/labs/every-kind.groovy:7: veth 'ek-up' peer 'edge', name: 'eth0'
ip link set dev ek-up up

# src/test/resources/golden/labs/every-kind.groovy:12: namespace 'edge' {
ip -n edge link set dev lo up

# src/test/resources/golden/labs/every-kind.groovy:7: veth 'ek-up' peer 'edge', name: 'eth0'
ip -n edge link set dev eth0 up

# src/test/resources/golden/labs/every-kind.groovy:14: vlan 'eth0.10' on 'eth0', id: 10
ip -n edge link set dev eth0.10 up

# src/test/resources/golden/labs/every-kind.groovy:16: vxlan 'vx7', id: 7, port: 4790
ip -n edge link set dev vx7 up

# src/test/resources/golden/labs/every-kind.groovy:17: macvlan 'mv7', mode: 'private' on 'ek-up', from: 'host'
ip -n edge link set dev mv7 up

# src/test/resources/golden/labs/every-kind.groovy:18: veth 'to-core' peer 'core', name: 'up0'
ip -n edge link set dev to-core up
ip -n core link set dev up0 up

# src/test/resources/golden/labs/every-kind.groovy:21: gateway '10.70.0.1'
ip -n edge route add default via 10.70.0.1

# src/test/resources/golden/labs/every-kind.groovy:22: route 'fd00:78::/64' via 'fd00:77::2'
ip -n edge route add fd00:78::/64 via fd00:77::2

# src/test/resources/golden/labs/every-kind.groovy:35: route 'default' via 'fd00:77::1'
ip -n core route add default via fd00:77::1

# src/test/resources/golden/labs/every-kind.groovy:9: sysctl 'net.ipv4.conf.ek-up.forwarding', 1
sysctl -w net.ipv4.conf.ek-up.forwarding=1

# src/test/resources/golden/labs/every-kind.groovy:23: forward true
ip netns exec edge sysctl -w net.ipv4.ip_forward=1
ip netns exec edge sysctl -w net.ipv6.conf.all.forwarding=1

# src/test/resources/golden/labs/every-kind.groovy:24: masquerade '10.71.0.0/24', out: 'eth0'
ip netns exec edge iptables -t nat -A POSTROUTING -s 10.71.0.0/24 -o eth0 -j MASQUERADE

# src/test/resources/golden/labs/every-kind.groovy:25: accept in: 'to-core', out: 'eth0'
ip netns exec edge iptables -A FORWARD -i to-core -o eth0 -j ACCEPT

# src/test/resources/golden/labs/every-kind.groovy:26: drop in: 'eth0.10'
ip netns exec edge iptables -A FORWARD -i eth0.10 -j DROP

# src/test/resources/golden/labs/every-kind.groovy:27: forwardPort 8080, to: '10.71.0.2:80', in: 'eth0'
ip netns exec edge iptables -t nat -A PREROUTING -i eth0 -p tcp --dport 8080 -j DNAT --to-destination 10.71.0.2:80

# src/test/resources/golden/labs/every-kind.groovy:28: forwardPort 5353, to: '10.71.0.2:53', proto: 'udp'
ip netns exec edge iptables -t nat -A PREROUTING -p udp --dport 5353 -j DNAT --to-destination 10.71.0.2:53

# src/test/resources/golden/labs/every-kind.groovy:13: dev 'eth0' { ip '10.70.0.2/24'; mtu 1450; mac '02:00:00:00:70:02'; netem delay: '10ms', jitter: '2ms', loss: '1%'; rate '10mbit' }
ip netns exec edge tc qdisc add dev eth0 root netem delay 10ms 2ms loss 1% rate 10mbit

# src/test/resources/golden/labs/every-kind.groovy:20: rate '5mbit'
ip netns exec edge tc qdisc add dev to-core root tbf rate 5mbit burst 32kbit latency 400ms

# src/test/resources/golden/labs/every-kind.groovy:36: run 'sleep 1000 # "quoted" words'
ip netns exec core sh -c 'sleep 1000 # "quoted" words' >/dev/null 2>&1 &
