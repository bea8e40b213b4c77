$ sudo ip netns add server
$ sudo ip netns add gateway
$ sudo ip netns add client
$ ip netns list
$ ip netns exec gateway sysctl net.ipv4.ip_forward=1
$ ip link add svr-veth type veth peer name svrgw-veth
$ ip link add cli-veth type veth peer name cligw-veth
$ ip link show | grep veth
$ ip link set svr-veth netns server
$ ip link set svrgw-veth netns gateway
$ ip link set cligw-veth netns gateway
$ ip link set cli-veth netns client
$ ip link show | grep veth
$ ip netns exec server ip link show | grep veth
$ ip netns exec server ifconfig svr-veth 192.168.100.1
$ ip netns exec gateway ifconfig svrgw-veth 192.168.100.254
$ ip netns exec gateway ifconfig cligw-veth 10.0.100.254
$ ip netns exec client ifconfig cli-veth 10.0.100.1
$ ip netns exec gateway ping 192.168.100.1 -I 192.168.100.254
$ ip netns exec gateway ping 10.0.100.1 -I 10.0.100.254
$ sudo ip netns exec client route add default gw 10.0.100.254
$ sudo ip netns exec client netstat -rn
$ ip netns exec server route add default gw 192.168.100.254
$ ip netns exec server netstat -rn
$ ip netns exec client ping 192.168.100.1 -I 10.0.100.1
