sudo ip netns add nstest
sudo ip link add veth-a type veth peer name veth-b
sudo ip link set veth-b netns nstest
sudo ip addr add 10.0.0.2 dev veth-a && sudo ip link set veth-a up
sudo ip netns exec nstest ip addr add 10.0.0.3 dev veth-b && sudo ip netns exec nstest ip link set veth-b up
sudo ip netns exec nstest route add -net default gw 10.0.0.2 dev veth-b
sudo route add -host 10.0.0.3 dev veth-a
cat 1 > /proc/sys/net/ipv4/ip_forward
sudo iptables -A FORWARD -t filter --out-interface eth0 --in-interface veth-a
sudo iptables -A FORWARD -t filter --in-interface eth0 --out-interface veth-a
sudo iptables -t nat -A POSTROUTING --source 10.0.0.0/24 --out-interface eth0 -j MASQUERADE
sudo ip netns exec nstest curl www.baidu.com
