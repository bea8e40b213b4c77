#!/bin/sh
# nslab plan for lab '004-pair-here': 10 commands. Run as root: sh -e THIS_FILE
set -e

# <dir>/004-pair-here.groovy:5: veth 'veth0' peer 'veth1'
ip link add name veth0 type veth peer name veth1

# <dir>/004-pair-here.groovy:6: ip '1.1.1.1/24'
ip addr add 1.1.1.1/24 dev veth0

# <dir>/004-pair-here.groovy:7: dev 'veth1' { ip '1.1.1.2/24' }
ip addr add 1.1.1.2/24 dev veth1

# <dir>/004-pair-here.groovy:5: veth 'veth0' peer 'veth1'
ip link set dev veth0 up
ip link set dev veth1 up

# <dir>/004-pair-here.groovy:8: sysctl 'net.ipv4.conf.veth1.accept_local', 1 // echo 1 > /proc/sys/net/ipv4/conf/veth1/accept_local
sysctl -w net.ipv4.conf.veth1.accept_local=1

# <dir>/004-pair-here.groovy:9: sysctl 'net.ipv4.conf.veth0.accept_local', 1 // echo 1 > /proc/sys/net/ipv4/conf/veth0/accept_local
sysctl -w net.ipv4.conf.veth0.accept_local=1

# <dir>/004-pair-here.groovy:10: sysctl 'net.ipv4.conf.all.rp_filter', 0     // echo 0 > /proc/sys/net/ipv4/conf/all/rp_filter
sysctl -w net.ipv4.conf.all.rp_filter=0

# <dir>/004-pair-here.groovy:11: sysctl 'net.ipv4.conf.veth0.rp_filter', 0   // echo 0 > /proc/sys/net/ipv4/conf/veth0/rp_filter
sysctl -w net.ipv4.conf.veth0.rp_filter=0

# <dir>/004-pair-here.groovy:12: sysctl 'net.ipv4.conf.veth1.rp_filter', 0   // echo 0 > /proc/sys/net/ipv4/conf/veth1/rp_filter
sysctl -w net.ipv4.conf.veth1.rp_filter=0
