#!/bin/sh
# nslab plan for lab 'dualstack': 44 commands. Run as root: sh -e THIS_FILE
set -e

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:5: namespace 'router' {
ip netns add router

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:16: namespace 'a' {
ip netns add a

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:22: namespace 'b' {
ip netns add b

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:29: namespace 'sw' {
ip netns add sw

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:6: veth 'to-a' peer 'a', name: 'eth0'
ip link add name to-a netns router type veth peer name eth0 netns a

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:10: veth 'to-b' peer 'b', name: 'eth0'
ip link add name to-b netns router type veth peer name eth0 netns b

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:9: mtu 1400
ip -n router link set dev to-a mtu 1400

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:17: dev 'eth0' { ip '10.1.0.2/24'; ip 'fd00:1::2/64'; mac '02:00:00:00:01:02'; mtu 1400 }
ip -n a link set dev eth0 mtu 1400
ip -n a link set dev eth0 address 02:00:00:00:01:02

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:26: veth 'b-sw' peer 'sw', name: 'sw-b'
ip link add name b-sw netns b type veth peer name sw-b netns sw

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:27: vxlan 'vx0', id: 42, remote: '10.2.0.1', dev: 'eth0'
ip -n b link add name vx0 type vxlan id 42 remote 10.2.0.1 dev eth0 dstport 4789

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:30: bridge 'br0' { port 'sw-b'; ip '192.168.50.1/24'; ip 'fd00:50::1/64' }
ip -n sw link add name br0 type bridge

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:31: dev 'sw-b' { mac '02:00:00:00:50:0b' }
ip -n sw link set dev sw-b address 02:00:00:00:50:0b

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:30: bridge 'br0' { port 'sw-b'; ip '192.168.50.1/24'; ip 'fd00:50::1/64' }
ip -n sw link set dev sw-b master br0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:7: ip '10.1.0.1/24'
ip -n router addr add 10.1.0.1/24 dev to-a

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:8: ip 'fd00:1::1/64'
ip -n router addr add fd00:1::1/64 dev to-a

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:11: ip '10.2.0.1/24'
ip -n router addr add 10.2.0.1/24 dev to-b

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:12: ip 'fd00:2::1/64'
ip -n router addr add fd00:2::1/64 dev to-b

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:17: dev 'eth0' { ip '10.1.0.2/24'; ip 'fd00:1::2/64'; mac '02:00:00:00:01:02'; mtu 1400 }
ip -n a addr add 10.1.0.2/24 dev eth0
ip -n a addr add fd00:1::2/64 dev eth0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:23: dev 'eth0' { ip '10.2.0.2/24'; ip 'fd00:2::2/64' }
ip -n b addr add 10.2.0.2/24 dev eth0
ip -n b addr add fd00:2::2/64 dev eth0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:30: bridge 'br0' { port 'sw-b'; ip '192.168.50.1/24'; ip 'fd00:50::1/64' }
ip -n sw addr add 192.168.50.1/24 dev br0
ip -n sw addr add fd00:50::1/64 dev br0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:5: namespace 'router' {
ip -n router link set dev lo up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:6: veth 'to-a' peer 'a', name: 'eth0'
ip -n router link set dev to-a up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:10: veth 'to-b' peer 'b', name: 'eth0'
ip -n router link set dev to-b up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:16: namespace 'a' {
ip -n a link set dev lo up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:6: veth 'to-a' peer 'a', name: 'eth0'
ip -n a link set dev eth0 up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:22: namespace 'b' {
ip -n b link set dev lo up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:10: veth 'to-b' peer 'b', name: 'eth0'
ip -n b link set dev eth0 up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:26: veth 'b-sw' peer 'sw', name: 'sw-b'
ip -n b link set dev b-sw up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:27: vxlan 'vx0', id: 42, remote: '10.2.0.1', dev: 'eth0'
ip -n b link set dev vx0 up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:29: namespace 'sw' {
ip -n sw link set dev lo up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:30: bridge 'br0' { port 'sw-b'; ip '192.168.50.1/24'; ip 'fd00:50::1/64' }
ip -n sw link set dev br0 up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:26: veth 'b-sw' peer 'sw', name: 'sw-b'
ip -n sw link set dev sw-b up

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:18: gateway '10.1.0.1'
ip -n a route add default via 10.1.0.1

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:19: route 'default' via 'fd00:1::1'
ip -n a route add default via fd00:1::1

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:20: route '10.9.9.9' dev 'eth0'
ip -n a route add 10.9.9.9 dev eth0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:24: route '10.1.0.0/24' via '10.2.0.1' dev 'eth0'
ip -n b route add 10.1.0.0/24 via 10.2.0.1 dev eth0

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:25: route 'fd00:1::/64' via 'fd00:2::1'
ip -n b route add fd00:1::/64 via fd00:2::1

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:13: forward true
ip netns exec router sysctl -w net.ipv4.ip_forward=1
ip netns exec router sysctl -w net.ipv6.conf.all.forwarding=1

# ../engine/src/test/resources/nslab/netlink/dualstack.groovy:14: sysctl 'net.ipv4.conf.all.arp_ignore', 1
ip netns exec router sysctl -w net.ipv4.conf.all.arp_ignore=1
