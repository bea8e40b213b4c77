#!/bin/sh
# nslab plan for lab 'ospf-triangle': 39 commands. Run as root: sh -e THIS_FILE
set -e

# ../examples/ospf-triangle.groovy:5: namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns add r1

# ../examples/ospf-triangle.groovy:6: namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns add r2

# ../examples/ospf-triangle.groovy:7: namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns add r3

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip link add name r2 netns r1 type veth peer name r1 netns r2

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip link add name r3 netns r2 type veth peer name r2 netns r3

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip link add name r1 netns r3 type veth peer name r3 netns r1

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r1 link set dev r2 addrgenmode none

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r1 link set dev r3 addrgenmode none

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r2 link set dev r3 addrgenmode none

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r2 link set dev r1 addrgenmode none

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r3 link set dev r1 addrgenmode none

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r3 link set dev r2 addrgenmode none

# ../examples/ospf-triangle.groovy:5: namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r1 addr add 1.1.1.1/32 dev lo

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r1 addr add 10.0.12.1/30 dev r2

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r1 addr add 10.0.13.1/30 dev r3

# ../examples/ospf-triangle.groovy:6: namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r2 addr add 2.2.2.2/32 dev lo

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r2 addr add 10.0.23.1/30 dev r3

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r2 addr add 10.0.12.2/30 dev r1

# ../examples/ospf-triangle.groovy:7: namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r3 addr add 3.3.3.3/32 dev lo

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r3 addr add 10.0.13.2/30 dev r1

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r3 addr add 10.0.23.2/30 dev r2

# ../examples/ospf-triangle.groovy:5: namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r1 link set dev lo up

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r1 link set dev r2 up

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r1 link set dev r3 up

# ../examples/ospf-triangle.groovy:6: namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r2 link set dev lo up

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r2 link set dev r3 up

# ../examples/ospf-triangle.groovy:2: link 'r1', 'r2', ips: ['10.0.12.1/30', '10.0.12.2/30']
ip -n r2 link set dev r1 up

# ../examples/ospf-triangle.groovy:7: namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
ip -n r3 link set dev lo up

# ../examples/ospf-triangle.groovy:4: link 'r3', 'r1', ips: ['10.0.13.2/30', '10.0.13.1/30']
ip -n r3 link set dev r1 up

# ../examples/ospf-triangle.groovy:3: link 'r2', 'r3', ips: ['10.0.23.1/30', '10.0.23.2/30']
ip -n r3 link set dev r2 up

# ../examples/ospf-triangle.groovy:5: namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r1 sysctl -w net.ipv4.ip_forward=1

# ../examples/ospf-triangle.groovy:6: namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r2 sysctl -w net.ipv4.ip_forward=1

# ../examples/ospf-triangle.groovy:7: namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r3 sysctl -w net.ipv4.ip_forward=1

# ../examples/ospf-triangle.groovy:5: namespace 'r1' { ip '1.1.1.1/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r1 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r1"
mkdir -p "$d" && cat >"$d/frr.conf.new" <<'\''EOF'\'' && mv "$d/frr.conf.new" "$d/frr.conf" || exit 1
frr version 8.4
frr defaults traditional
hostname r1
log stdout informational
!
interface r2
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface r3
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface lo
 ip ospf area 0
 ip ospf passive
exit
!
router ospf
 ospf router-id 1.1.1.1
exit
!
EOF
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/zebra -f "$d/frr.conf" -i "$d/zebra.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &
ip netns exec r1 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r1"
i=0; until [ -S "$d/zserv.api" ]; do i=$((i+1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/ospfd -f "$d/frr.conf" -i "$d/ospfd.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &

# ../examples/ospf-triangle.groovy:6: namespace 'r2' { ip '2.2.2.2/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r2 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r2"
mkdir -p "$d" && cat >"$d/frr.conf.new" <<'\''EOF'\'' && mv "$d/frr.conf.new" "$d/frr.conf" || exit 1
frr version 8.4
frr defaults traditional
hostname r2
log stdout informational
!
interface r3
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface r1
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface lo
 ip ospf area 0
 ip ospf passive
exit
!
router ospf
 ospf router-id 2.2.2.2
exit
!
EOF
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/zebra -f "$d/frr.conf" -i "$d/zebra.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &
ip netns exec r2 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r2"
i=0; until [ -S "$d/zserv.api" ]; do i=$((i+1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/ospfd -f "$d/frr.conf" -i "$d/ospfd.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &

# ../examples/ospf-triangle.groovy:7: namespace 'r3' { ip '3.3.3.3/32', dev: 'lo'; forward true; ospf area: 0 }
ip netns exec r3 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r3"
mkdir -p "$d" && cat >"$d/frr.conf.new" <<'\''EOF'\'' && mv "$d/frr.conf.new" "$d/frr.conf" || exit 1
frr version 8.4
frr defaults traditional
hostname r3
log stdout informational
!
interface r1
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface r2
 ip ospf area 0
 ip ospf network point-to-point
 ip ospf hello-interval 1
 ip ospf dead-interval 4
exit
!
interface lo
 ip ospf area 0
 ip ospf passive
exit
!
router ospf
 ospf router-id 3.3.3.3
exit
!
EOF
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/zebra -f "$d/frr.conf" -i "$d/zebra.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &
ip netns exec r3 sh -c 'd="${NSLAB_RUN_DIR:-/run/nslab}/frr/r3"
i=0; until [ -S "$d/zserv.api" ]; do i=$((i+1)); [ $i -lt 200 ] || exit 1; sleep 0.05; done
mount -t tmpfs nslab-frr /var/tmp || exit 1
exec /usr/lib/frr/ospfd -f "$d/frr.conf" -i "$d/ospfd.pid" -z "$d/zserv.api" --vty_socket "$d" -P 0 -u root -g frrvty' >/dev/null 2>&1 &
