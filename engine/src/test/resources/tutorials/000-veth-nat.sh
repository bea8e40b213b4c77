# Seed 000, typed in as a learner would: one namespace tied to the host by a veth pair, its
# traffic forwarded and masqueraded out of the host's eth0.
# Here eth0 is itself one end of a veth whose other end, in namespace "internet", stands in for
# the world outside (a sandbox has no other network).
$ sudo ip netns add internet
$ sudo ip link add eth0 type veth peer name wan0
$ sudo ip link set wan0 netns internet
$ sudo ip addr add 203.0.113.1/24 dev eth0 && sudo ip link set eth0 up
$ sudo ip netns exec internet ip addr add 203.0.113.2/24 dev wan0
$ sudo ip netns exec internet ip link set wan0 up

# the tutorial's own steps
$ sudo ip netns add nstest
$ sudo ip link add veth-a type veth peer name veth-b
$ sudo ip link set veth-b netns nstest
$ sudo ip addr add 10.0.0.2 dev veth-a && sudo ip link set veth-a up
$ sudo ip netns exec nstest ip addr add 10.0.0.3 dev veth-b && sudo ip netns exec nstest ip link set veth-b up
# both addresses are /32: each side needs a route to the other. A current kernel also wants
# the route to the gateway before the default route that goes through it.
$ sudo ip netns exec nstest route add -host 10.0.0.2 dev veth-b
$ sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b
$ sudo route add -host 10.0.0.3 dev veth-a
$ sudo ip netns exec nstest ping -c 1 10.0.0.2

# forwarding and NAT on the host
$ echo 1 | sudo tee /proc/sys/net/ipv4/ip_forward
$ sudo iptables -A FORWARD -t filter --out-interface eth0 --in-interface veth-a -j ACCEPT
$ sudo iptables -A FORWARD -t filter --in-interface eth0 --out-interface veth-a -j ACCEPT
$ sudo iptables -t nat -A POSTROUTING --source 10.0.0.0/24 --out-interface eth0 -j MASQUERADE
$ sudo ip netns exec nstest ping -c 2 203.0.113.2
$ sudo iptables -t nat -L -n
