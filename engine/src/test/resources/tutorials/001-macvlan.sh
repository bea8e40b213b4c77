# Seed 001's MACVLAN picture, typed as commands: macvlans made on the host's eth0 and moved into
# namespaces, each then an interface with its own MAC address on eth0's wire, without a bridge.
# A sandbox has no eth0: here it is one end of a veth whose other end, in namespace "lan", stands
# for the wire.
$ sudo ip netns add lan
$ sudo ip link add eth0 type veth peer name wire0
$ sudo ip link set wire0 netns lan
$ sudo ip link set eth0 up
$ sudo ip netns exec lan ip addr add 192.168.1.1/24 dev wire0
$ sudo ip netns exec lan ip link set wire0 up
# the picture: two namespaces, a macvlan each on eth0
$ sudo ip netns add net0
$ sudo ip netns add net1
$ sudo ip link add mv0 link eth0 type macvlan mode bridge
$ sudo ip link set mv0 netns net0
$ sudo ip link add mv1 link eth0 type macvlan mode bridge
$ sudo ip link set mv1 netns net1
$ sudo ip netns exec net0 ip addr add 192.168.1.10/24 dev mv0
$ sudo ip netns exec net0 ip link set mv0 up
$ sudo ip netns exec net1 ip addr add 192.168.1.11/24 dev mv1
$ sudo ip netns exec net1 ip link set mv1 up
$ sudo ip netns exec net0 ping -c 1 192.168.1.11
$ sudo ip netns exec net1 ping -c 1 192.168.1.1
